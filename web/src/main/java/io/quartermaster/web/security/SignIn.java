package io.quartermaster.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import java.util.logging.Logger;

/** The login form: checks the password through {@link Authentication} and goes on to the page asked for. */
@Named
@RequestScoped
public class SignIn {

    public static final String PAGE = "/login.xhtml";

    private static final Logger LOG = Logger.getLogger(SignIn.class.getName());

    @Inject
    SecurityContext security;

    @Inject
    FacesContext faces;

    @NotBlank(message = "enter your username")
    private String username;

    @NotBlank(message = "enter your password")
    private String password;

    private String next;

    public void signIn() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        AuthenticationStatus status = security.authenticate(request, (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().newAuthentication(true)
                        .credential(new UsernamePasswordCredential(username.trim(), new Password(password))));
        switch (status) {
            case SUCCESS -> {
                LOG.info(() -> "Signed in to the back office: " + username.trim());
                external.redirect(request.getContextPath() + safeNext());
            }
            case SEND_CONTINUE -> faces.responseComplete();
            default -> {
                LOG.info(() -> "Back-office sign-in refused for '" + username.trim() + "'");
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                        "Wrong username or password. After five wrong tries a username pauses for 15 minutes.", null));
            }
        }
    }

    /** Only a path inside this application: "next" comes from the URL, and an open redirect would help phishing. */
    private String safeNext() {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || next.startsWith(PAGE)) {
            return "/index.xhtml";
        }
        return next;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
