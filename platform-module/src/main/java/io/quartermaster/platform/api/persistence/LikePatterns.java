package io.quartermaster.platform.api.persistence;

/**
 * LIKE patterns from what a person typed into a search field: the wildcards they type ({@code %},
 * {@code _}) and the escape character are meant literally (PostgreSQL's default escape is the backslash).
 */
public final class LikePatterns {

    private LikePatterns() {
    }

    /** Rows whose column contains the text anywhere. */
    public static String containing(String text) {
        return "%" + escaped(text) + "%";
    }

    /** Rows whose column starts with the text. */
    public static String startingWith(String text) {
        return escaped(text) + "%";
    }

    private static String escaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
