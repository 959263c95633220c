package io.quartermaster.web.rest.problem;

import jakarta.annotation.Priority;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;

/**
 * Takes {@link TransactionalException} away from Jersey's built-in mapper, which rethrows it
 * and produces an HTML error page: a failed commit is answered like any other failure.
 */
@Provider
@Priority(1)
public class TransactionFailureMapper implements ExceptionMapper<TransactionalException> {

    @Context
    Providers providers;

    @Override
    public Response toResponse(TransactionalException e) {
        return UnexpectedExceptionMapper.respond(e, providers, this);
    }
}
