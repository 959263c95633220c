package io.quartermaster.web.rest;

import io.quartermaster.platform.api.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.util.Set;

/**
 * Validates every request body with Bean Validation as it is read, and refuses an empty one.
 *
 * <p>Why not {@code @Valid} on the resource parameters: Payara 6.2025.10's OpenAPI generator
 * fails on Bean Validation annotations on a body parameter (payara/Payara#7649, fixed after
 * this release), which breaks {@code /openapi}. Validating here keeps both working and means
 * no resource can forget to validate its body.
 */
@Provider
public class BodyValidation implements ReaderInterceptor {

    @Inject
    Validator validator;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Object body = context.proceed();
        if (body == null) {
            throw ProblemException.invalidField("body", "a JSON request body is required");
        }
        Set<ConstraintViolation<Object>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return body;
    }
}
