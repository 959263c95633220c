package io.quartermaster.web.security;

import io.quartermaster.platform.api.identity.Caller;
import io.quartermaster.platform.api.identity.IdentityFacade;
import io.quartermaster.platform.api.identity.Role;
import io.quartermaster.platform.api.problem.ProblemException;
import io.quartermaster.platform.api.tx.DatabaseFailures;
import io.quartermaster.web.rest.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The application's one authentication mechanism (Jakarta Security allows one per application),
 * with two faces:
 * <ul>
 * <li>{@code /api/**}: HTTP Basic for users, {@code Bearer} for API client keys, on every call and
 *     never from a session — a browser's session cookie must not authorize API calls, or any page
 *     on the web could make a signed-in clerk's browser post to the API (CSRF). Every API call needs
 *     a valid credential (401 otherwise) — all but {@link #PAIRING}, whose one-time code is its
 *     credential; what the caller may do is decided per resource method by
 *     {@link RoleCheck}.</li>
 * <li>the back-office pages: the login form ({@link SignIn}) hands the username and password over
 *     through {@code SecurityContext.authenticate}; the signed-in caller is kept in the HTTP session.
 *     A protected page requested without one is redirected to the login page; the roles a page
 *     needs are web.xml's security constraints, so a page typed in by hand by a user without the
 *     role gets the container's 403.</li>
 * </ul>
 */
@ApplicationScoped
public class Authentication implements HttpAuthenticationMechanism {

    public static final String CALLER_ATTRIBUTE = "io.quartermaster.caller";

    /** Where a register app exchanges a pairing code for its key, with no credential of its own. */
    static final String PAIRING = "/api/v1/registers/pair";

    /** The session attribute that holds the signed-in back-office user. */
    static final String SESSION_CALLER = "io.quartermaster.session.caller";

    @Inject
    IdentityFacade identity;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/")) {
            return page(request, response, context, path);
        }
        String header = request.getHeader("Authorization");
        Optional<Caller> caller = Optional.empty();
        try {
            if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
                caller = basic(header.substring(6).trim());
            } else if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                caller = identity.authenticateApiKey(header.substring(7).trim());
            }
        } catch (RuntimeException e) {
            if (!DatabaseFailures.unavailable(e)) {
                throw e;
            }
            // Credentials cannot be checked while the database is away: not the caller's fault, so not a 401.
            ProblemException problem = DatabaseFailures.problem();
            return send(response, context, 503, problem.title(), problem.getMessage(),
                    Map.of("Retry-After", String.valueOf(DatabaseFailures.RETRY_AFTER_SECONDS)));
        }
        if (caller.isEmpty() && header == null && PAIRING.equals(path) && "POST".equals(request.getMethod())) {
            // The one call without a credential: a register app spends a one-time pairing code for its key
            // (the code is the credential; RegistersResource.pair throttles guesses).
            return context.doNothing();
        }
        if (caller.isEmpty()) {
            return unauthorized(response, context, header == null
                    ? "Credentials are required: HTTP Basic for users, Bearer for API clients."
                    : "The credentials are not valid.");
        }
        return signedIn(request, context, caller.get());
    }

    private AuthenticationStatus page(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context,
                                      String path) {
        if (context.isAuthenticationRequest() && context.getAuthParameters().getCredential()
                instanceof UsernamePasswordCredential credential) {
            Optional<Caller> caller = identity.authenticateUser(credential.getCaller(), credential.getPasswordAsString());
            if (caller.isEmpty() || caller.get().roles().stream().noneMatch(Role::forUsers)) {
                return AuthenticationStatus.SEND_FAILURE;
            }
            // A new session id on sign-in: an id planted in the browser before (session fixation) is worth nothing.
            HttpSession session = request.getSession(true);
            request.changeSessionId();
            session.setAttribute(SESSION_CALLER, caller.get());
            return signedIn(request, context, caller.get());
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_CALLER) instanceof Caller signedIn) {
            if (!context.isProtected()) {
                // Style sheets, scripts, the login page: nothing to decide, no need to ask the database.
                return signedIn(request, context, signedIn);
            }
            // Re-read on every protected request: a user an admin disabled, or whose roles changed,
            // gets the change at the next click instead of keeping the old rights until the session ends.
            Optional<Caller> now = identity.activeUser(signedIn.name());
            if (now.isPresent()) {
                if (!now.get().equals(signedIn)) {
                    session.setAttribute(SESSION_CALLER, now.get());
                }
                return signedIn(request, context, now.get());
            }
            session.invalidate();
        }
        if (context.isProtected()) {
            String query = request.getQueryString();
            String login = request.getContextPath() + SignIn.PAGE + "?next="
                    + URLEncoder.encode(path + (query == null || "POST".equals(request.getMethod()) ? "" : "?" + query),
                    StandardCharsets.UTF_8);
            if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
                return ajaxRedirect(response, context, login);
            }
            return context.redirect(login);
        }
        return context.doNothing();
    }

    /** An AJAX request of a page whose session ended: Faces' JavaScript follows only a partial-response redirect, not a 302. */
    private static AuthenticationStatus ajaxRedirect(HttpServletResponse response, HttpMessageContext context, String url) {
        try {
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + url.replace("&", "&amp;").replace("\"", "&quot;") + "\"/></partial-response>");
            response.flushBuffer();
        } catch (IOException e) {
            return context.responseUnauthorized();
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }

    private static AuthenticationStatus signedIn(HttpServletRequest request, HttpMessageContext context, Caller caller) {
        request.setAttribute(CALLER_ATTRIBUTE, caller);
        Set<String> groups = caller.roles().stream().map(Role::name).collect(Collectors.toSet());
        return context.notifyContainerAboutLogin(new CallerPrincipal(caller.name()), groups);
    }

    private Optional<Caller> basic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            return identity.authenticateUser(decoded.substring(0, colon), decoded.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static AuthenticationStatus unauthorized(HttpServletResponse response, HttpMessageContext context,
                                                     String detail) {
        return send(response, context, 401, "Unauthorized", detail,
                Map.of("WWW-Authenticate", "Basic realm=\"quartermaster\", Bearer realm=\"quartermaster\""));
    }

    private static AuthenticationStatus send(HttpServletResponse response, HttpMessageContext context, int status,
                                             String title, String detail, Map<String, String> headers) {
        try {
            Problems.write(response, status, title, detail, headers, java.util.List.of());
            response.flushBuffer();
        } catch (IOException e) {
            return context.responseUnauthorized();
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
