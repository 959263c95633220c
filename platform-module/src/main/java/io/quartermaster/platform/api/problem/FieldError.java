package io.quartermaster.platform.api.problem;

/** One invalid field of a request, as it appears in a 400 problem's {@code errors}. */
public record FieldError(String field, String message) {
}
