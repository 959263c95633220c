package io.quartermaster.web.rest;

import io.quartermaster.platform.api.problem.ProblemException;

/**
 * The bounds of {@code ?page=&size=}: pages from 0, at most 500 items, and no page so far out
 * that its first item's position ({@code page × size}) is beyond what a list can hold.
 */
public final class Paging {

    public static final int MAX_SIZE = 500;

    private Paging() {
    }

    public static void check(int page, int size) {
        if (page < 0) {
            throw ProblemException.invalidField("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ProblemException.invalidField("size", "must be between 1 and " + MAX_SIZE);
        }
        if ((long) page * size > Integer.MAX_VALUE) {
            throw ProblemException.invalidField("page", "must be at most " + Integer.MAX_VALUE / size + " for pages of " + size);
        }
    }
}
