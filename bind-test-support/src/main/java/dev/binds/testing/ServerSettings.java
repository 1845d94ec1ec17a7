package dev.binds.testing;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An admin connection to a server, one that may create and drop databases. Its database part is the
 * maintenance database; test databases get URLs with that part replaced and the parameters kept.
 */
record ServerSettings(String url, String username, String password) {

    /** {@code jdbc:<sub>://<hosts>} then an optional {@code /<database>}, then parameters. */
    private static final Pattern SERVER_URL = Pattern.compile("^(jdbc:[a-z0-9]+://[^/?;]*)(/[^?;]*)?(.*)$");
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;]*");

    ServerSettings {
        Objects.requireNonNull(url, "url");
        username = username == null ? "" : username;
        password = password == null ? "" : password;
    }

    /**
     * @return the settings named by {@code <prefix>_URL}, {@code _USER}, {@code _PASSWORD} (a system property
     * wins over the environment variable), or {@code null} when the URL is not set
     */
    static ServerSettings fromEnvironment(String prefix, String defaultUser) {
        String url = lookup(prefix + "_URL");
        if (url == null || url.isBlank()) {
            return null;
        }
        String user = lookup(prefix + "_USER");
        return new ServerSettings(url.trim(), user == null ? defaultUser : user, lookup(prefix + "_PASSWORD"));
    }

    static String lookup(String name) {
        String value = System.getProperty(name);
        return value != null ? value : System.getenv(name);
    }

    /** @return the URL of the database {@code name} on this server, the admin URL's parameters kept */
    String urlFor(String databaseName) {
        Matcher m = SERVER_URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException("Cannot derive a database URL from '" + safeUrl()
                    + "': expected jdbc:<driver>://<host>[:<port>][/<database>][?<parameters>]");
        }
        return m.group(1) + "/" + databaseName + m.group(3);
    }

    /** @return the URL for messages: a password given as a parameter is masked */
    String safeUrl() {
        return PASSWORD_PARAMETER.matcher(url).replaceAll("$1****");
    }

    @Override
    public String toString() {
        return "ServerSettings[url=" + safeUrl() + ", username=" + username + "]";
    }
}
