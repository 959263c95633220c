package io.quartermaster.web.faces;

import io.quartermaster.platform.api.problem.FieldError;
import io.quartermaster.platform.api.problem.ProblemException;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.visit.VisitContext;
import jakarta.faces.component.visit.VisitResult;
import jakarta.faces.context.FacesContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How a page action tells the user what happened. A refusal from a facade (a {@link ProblemException}:
 * "not enough stock", "period is closed") becomes a message — next to the field it names when the page
 * has a field of that id, at the top otherwise — instead of an error page; anything unexpected is logged
 * with its stack trace and shown as a short apology, never as the trace itself.
 */
public final class Feedback {

    private static final Logger LOG = Logger.getLogger(Feedback.class.getName());

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private Feedback() {
    }

    /**
     * Runs an action; on success shows {@code done} and returns the result, on refusal shows why and returns
     * empty. Messages about a field go next to the input of that id inside the form {@code form}.
     */
    public static <T> Optional<T> attempt(String form, Supplier<T> action, String done) {
        try {
            T result = action.get();
            if (done != null) {
                info(done);
            }
            return Optional.ofNullable(result);
        } catch (RuntimeException e) {
            refused(form, e);
            FacesContext.getCurrentInstance().validationFailed();
            return Optional.empty();
        }
    }

    /** {@link #attempt} for when only success matters. */
    public static boolean succeeds(String form, Supplier<?> action, String done) {
        return attempt(form, () -> {
            action.get();
            return Boolean.TRUE;
        }, done).isPresent();
    }

    public static void info(String summary) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, summary, null));
    }

    /** Checks a command's Bean Validation constraints before it goes to a facade (which trusts its callers). */
    public static <T> T valid(T command) {
        Set<ConstraintViolation<T>> violations = VALIDATOR.validate(command);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return command;
    }

    public static void error(String form, String field, String summary) {
        FacesContext faces = FacesContext.getCurrentInstance();
        String clientId = field == null ? null : clientId(faces, form, field);
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                clientId == null && field != null ? field + ": " + summary : summary, null));
        faces.validationFailed();
    }

    private static void refused(String form, RuntimeException thrown) {
        Throwable e = thrown instanceof EJBException && thrown.getCause() != null ? thrown.getCause() : thrown;
        if (e instanceof ProblemException problem) {
            Object errors = problem.extensions().get("errors");
            if (errors instanceof List<?> list && !list.isEmpty()) {
                for (Object item : list) {
                    if (item instanceof FieldError fe) {
                        error(form, fe.field(), fe.message());
                    }
                }
            } else {
                error(form, null, problem.getMessage());
            }
            return;
        }
        if (e instanceof ConstraintViolationException violations) {
            violations.getConstraintViolations().forEach(v -> {
                String path = v.getPropertyPath().toString();
                String field = path.substring(path.lastIndexOf('.') + 1);
                error(form, field, v.getMessage());
            });
            return;
        }
        LOG.log(Level.SEVERE, "A back-office action failed unexpectedly", e);
        error(form, null, "That did not work because of a problem on our side; nothing was changed. "
                + "Try again, and tell the administrator if it keeps happening.");
    }

    /** The client id of the component {@code field} in {@code form}, or null (a message at the top) if there is none. */
    private static String clientId(FacesContext faces, String form, String field) {
        String[] found = new String[1];
        String id = field.replaceAll("[^A-Za-z0-9_-]", "_");
        UIComponent root = form == null ? null : faces.getViewRoot().findComponent(form);
        if (root == null) {
            return null;
        }
        root.visitTree(VisitContext.createVisitContext(faces), (context, target) -> {
            UIComponent component = target;
            if (id.equals(component.getId())) {
                found[0] = component.getClientId(faces);
                return VisitResult.COMPLETE;
            }
            return VisitResult.ACCEPT;
        });
        return found[0];
    }
}
