package dev.binds;

import java.util.regex.Pattern;

/**
 * Removes passwords from text that may reach a message, a log line or an endpoint: passwords in
 * JDBC URLs ({@code user:secret@host}, {@code password=secret}) and a known password anywhere.
 *
 * @since 0.1.0
 */
public final class Secrets {

    /** What a removed secret is replaced by. */
    public static final String MASK = "****";

    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@?;]*):[^@/?;]*@");
    private static final Pattern PASSWORD_PARAM =
            Pattern.compile("(?i)((?:password|passwd|pwd|pass)\\s*=\\s*)[^&;,)\\s]*");

    private Secrets() {
    }

    /**
     * Masks the password parts of a JDBC URL.
     *
     * @param url a JDBC URL, may be {@code null}
     * @return the URL with every password replaced by {@value #MASK}
     */
    public static String maskUrl(String url) {
        if (url == null) {
            return null;
        }
        String masked = USER_INFO.matcher(url).replaceAll("$1:" + MASK + "@");
        return PASSWORD_PARAM.matcher(masked).replaceAll("$1" + MASK);
    }

    /**
     * A copy of an exception chain with every message scrubbed, each link keeping its original class
     * name (in the message) and stack trace. For causes that come from drivers, whose messages may
     * echo a URL with credentials.
     *
     * @param error    the original exception, may be {@code null}
     * @param password a password to remove as well, may be {@code null}
     * @return the scrubbed copy, or {@code null}
     */
    public static Throwable scrubbed(Throwable error, String password) {
        if (error == null) {
            return null;
        }
        ScrubbedException copy = new ScrubbedException(error.getClass().getName() + ": "
                + scrub(error.getMessage(), password), scrubbed(error.getCause() == error ? null : error.getCause(), password));
        copy.setStackTrace(error.getStackTrace());
        return copy;
    }

    /** Stands in for a driver exception whose message was scrubbed; its message starts with the original class. */
    static final class ScrubbedException extends RuntimeException {
        ScrubbedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Masks URL passwords and every occurrence of a known password in a text.
     *
     * @param text     the text, may be {@code null}
     * @param password the password to remove, may be {@code null} or empty
     * @return the cleaned text
     */
    public static String scrub(String text, String password) {
        if (text == null) {
            return null;
        }
        String masked = maskUrl(text);
        if (password != null && password.length() >= 3) {
            masked = masked.replace(password, MASK);
        }
        return masked;
    }
}
