package io.quartermaster.web.rest.inventory;

import io.quartermaster.platform.api.problem.ProblemException;

/** The bounds of {@code ?page=&size=}: pages from 0, at most 500 items. */
final class Paging {

    static final int MAX_SIZE = 500;

    private Paging() {
    }

    static void check(int page, int size) {
        if (page < 0) {
            throw ProblemException.invalidField("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ProblemException.invalidField("size", "must be between 1 and " + MAX_SIZE);
        }
    }
}
