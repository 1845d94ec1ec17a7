package dev.binds.testing;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of the databases a run creates: {@code bindtest_<created>_<random>} for test databases and
 * {@code bindtpl_<fingerprint>_<created>} for templates, the creation time in base 36 seconds, so that a
 * later run can tell a crashed run's leftovers by age alone, without a table of its own.
 */
final class DatabaseNames {

    /** Prefix of every test database a run creates. */
    static final String PREFIX = "bindtest_";
    /** Prefix of template databases, kept between runs while their migrations do not change. */
    static final String TEMPLATE_PREFIX = "bindtpl_";
    /** Test databases older than this are a crashed run's leftovers. */
    static final Duration LEFTOVER_AGE = Duration.ofHours(3);
    /** Templates older than this are dropped and rebuilt on next use, so stale ones do not pile up. */
    static final Duration TEMPLATE_AGE = Duration.ofDays(7);

    private static final Pattern TEST_NAME = Pattern.compile(PREFIX + "([0-9a-z]{6,7})_[0-9a-z]+");
    private static final Pattern TEMPLATE_NAME = Pattern.compile(TEMPLATE_PREFIX + "[0-9a-f]+_([0-9a-z]{6,7})");
    private static final Pattern SAFE = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private DatabaseNames() {
    }

    static String newTestDatabase() {
        return newTestDatabase(Instant.now());
    }

    static String newTestDatabase(Instant created) {
        StringBuilder sb = new StringBuilder(PREFIX).append(Long.toString(created.getEpochSecond(), 36)).append('_');
        for (int i = 0; i < 8; i++) {
            sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }

    static String newTemplate(String fingerprint) {
        return templatePrefix(fingerprint) + Long.toString(Instant.now().getEpochSecond(), 36);
    }

    /** @return what every template of these migrations starts with */
    static String templatePrefix(String fingerprint) {
        return TEMPLATE_PREFIX + fingerprint + "_";
    }

    /** @return when a test database or template of that name was created, or {@code null} if the name is not ours */
    static Instant createdAt(String name) {
        Matcher m = TEST_NAME.matcher(name);
        if (!m.matches()) {
            m = TEMPLATE_NAME.matcher(name);
            if (!m.matches()) {
                return null;
            }
        }
        return Instant.ofEpochSecond(Long.parseLong(m.group(1), 36));
    }

    /** @return whether a database of that name is old enough to be dropped by a new run */
    static boolean isStale(String name, Instant now) {
        Instant created = createdAt(name);
        if (created == null) {
            return false;
        }
        Duration age = name.startsWith(TEMPLATE_PREFIX) ? TEMPLATE_AGE : LEFTOVER_AGE;
        return created.isBefore(now.minus(age));
    }

    /** @return the name, when it is safe to write into SQL unquoted */
    static String check(String name) {
        if (name == null || !SAFE.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a test database name: '" + name + "'");
        }
        return name;
    }
}
