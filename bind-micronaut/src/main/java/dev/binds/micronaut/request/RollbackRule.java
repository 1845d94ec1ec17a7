package dev.binds.micronaut.request;

import dev.binds.BindConfigurationException;
import io.micronaut.core.annotation.Internal;

import java.util.List;
import java.util.Locale;

/**
 * Which response statuses roll a bind's request session back instead of committing it, from
 * {@code binds.<name>.request.rollback-on}: status classes ({@code 4xx}), ranges ({@code 500-599}) and
 * single codes ({@code 409}). Parsed once at start-up into a table, so the check per request is one
 * array read.
 *
 * @since 0.1.0
 */
@Internal
public final class RollbackRule {

    private static final int MAX = 600;

    /** 4xx and 5xx roll back. */
    public static final RollbackRule DEFAULT = new RollbackRule(range(new boolean[MAX], 400, 599));

    private final boolean[] rollsBack;

    private RollbackRule(boolean[] rollsBack) {
        this.rollsBack = rollsBack;
    }

    /**
     * @param bindName the bind, for messages
     * @param entries  the configured entries
     * @return the rule
     * @throws BindConfigurationException naming {@code binds.<name>.request.rollback-on} when an entry is not understood
     */
    public static RollbackRule of(String bindName, List<String> entries) {
        boolean[] table = new boolean[MAX];
        for (String entry : entries) {
            for (String part : entry.split(",")) {
                String token = part.trim().toLowerCase(Locale.ROOT);
                if (!token.isEmpty()) {
                    add(table, token, bindName);
                }
            }
        }
        return new RollbackRule(table);
    }

    /**
     * @param status the response's status code
     * @return whether a response with that status rolls the session back
     */
    public boolean rollsBack(int status) {
        return status >= 0 && status < MAX ? rollsBack[status] : status >= 400;
    }

    private static void add(boolean[] table, String token, String bindName) {
        try {
            if (token.length() == 3 && token.endsWith("xx")) {
                int hundreds = Integer.parseInt(token.substring(0, 1));
                check(hundreds >= 1 && hundreds <= 5);
                range(table, hundreds * 100, hundreds * 100 + 99);
            } else if (token.indexOf('-') > 0) {
                int from = Integer.parseInt(token.substring(0, token.indexOf('-')).trim());
                int to = Integer.parseInt(token.substring(token.indexOf('-') + 1).trim());
                check(from >= 100 && from <= to && to < MAX);
                range(table, from, to);
            } else {
                int code = Integer.parseInt(token);
                check(code >= 100 && code < MAX);
                table[code] = true;
            }
        } catch (IllegalArgumentException e) {
            throw new BindConfigurationException(bindName, "Bind '" + bindName + "': binds." + bindName
                    + ".request.rollback-on: '" + token + "' is not a status class (4xx), a range (500-599) or a "
                    + "status code (409) between 100 and 599");
        }
    }

    private static void check(boolean valid) {
        if (!valid) {
            throw new IllegalArgumentException();
        }
    }

    private static boolean[] range(boolean[] table, int from, int to) {
        for (int status = from; status <= to; status++) {
            table[status] = true;
        }
        return table;
    }
}
