package dev.binds.testdb;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the admin connection of a database server goes: URL, user and password, each overridable by
 * a system property or environment variable named {@code <PREFIX>_URL}, {@code _USER}, {@code _PASSWORD}.
 */
record ServerSettings(String url, String username, String password) {

    /** {@code jdbc:<sub>://<hosts>} then an optional {@code /<database>}, then parameters. */
    private static final Pattern SERVER_URL = Pattern.compile("^(jdbc:[a-z0-9]+://[^/?;]*)(/[^?;]*)?(.*)$");
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;]*");

    ServerSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    static ServerSettings fromEnvironment(String prefix, String url, String username, String password) {
        return new ServerSettings(
                lookup(prefix + "_URL", url), lookup(prefix + "_USER", username), lookup(prefix + "_PASSWORD", password));
    }

    private static String lookup(String name, String fallback) {
        String value = System.getProperty(name);
        if (value == null) {
            value = System.getenv(name);
        }
        return value == null ? fallback : value;
    }

    /** The admin URL with its database replaced by {@code databaseName}, parameters kept. */
    String urlFor(String databaseName) {
        Matcher m = SERVER_URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException("Cannot derive a database URL from '" + safeUrl()
                    + "': expected jdbc:<driver>://<host>[:<port>][/<database>][?<parameters>]");
        }
        return m.group(1) + "/" + databaseName + m.group(3);
    }

    /** The URL for messages: a password given as URL parameter is masked. */
    String safeUrl() {
        return PASSWORD_PARAMETER.matcher(url).replaceAll("$1****");
    }

    @Override
    public String toString() {
        return "ServerSettings[url=" + safeUrl() + ", username=" + username + "]";
    }
}
