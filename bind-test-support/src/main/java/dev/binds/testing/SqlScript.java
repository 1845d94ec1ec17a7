package dev.binds.testing;

import dev.binds.BindSession;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A fixture script: SQL statements separated by {@code ;}, with {@code --} and {@code /* *}{@code /} comments,
 * quoted strings and identifiers, and PostgreSQL dollar quotes, which may all contain a {@code ;}.
 */
final class SqlScript {

    private SqlScript() {
    }

    /** Runs every statement of the script in the session, as part of its current transaction. */
    static void run(BindSession session, String location) {
        for (String statement : split(read(location))) {
            try {
                session.update(statement);
            } catch (RuntimeException e) {
                throw new IllegalStateException("Bind '" + session.bindName() + "': fixture script " + location
                        + " failed at statement [" + statement + "]: " + e.getMessage(), e);
            }
        }
    }

    static String read(String location) {
        try {
            if (location.startsWith("filesystem:")) {
                return Files.readString(Path.of(location.substring("filesystem:".length())));
            }
            String path = (location.startsWith("classpath:") ? location.substring("classpath:".length()) : location)
                    .replaceAll("^/+", "");
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            try (InputStream in = (loader != null ? loader : SqlScript.class.getClassLoader()).getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalArgumentException("Fixture script " + location + " was not found on the classpath"
                            + " (use classpath:<path> or filesystem:<path>)");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read fixture script " + location, e);
        }
    }

    static List<String> split(String sql) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            int end;
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                end = sql.indexOf('\n', i);
                i = end < 0 ? n : end;
                continue; // a comment is not part of the statement
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                current.append(' ');
                continue;
            } else if (c == '\'' || c == '"' || c == '`') {
                end = closingQuote(sql, i, c);
            } else if (c == '$' && (end = dollarQuoteEnd(sql, i)) > 0) {
                // a dollar-quoted body, such as a PostgreSQL function's
            } else if (c == ';') {
                add(statements, current);
                i++;
                continue;
            } else {
                end = i + 1;
            }
            current.append(sql, i, end);
            i = end;
        }
        add(statements, current);
        return statements;
    }

    private static int closingQuote(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\' && quote == '\'' && i + 1 < sql.length()) {
                i += 2; // MariaDB's backslash escapes; a PostgreSQL string does not end in a backslash in practice
                continue;
            }
            if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    /** @return the end of a {@code $tag$…$tag$} block starting at {@code start}, or -1 if none starts there */
    private static int dollarQuoteEnd(String sql, int start) {
        int tagEnd = sql.indexOf('$', start + 1);
        if (tagEnd < 0 || !sql.substring(start + 1, tagEnd).matches("[A-Za-z_0-9]*")) {
            return -1;
        }
        String tag = sql.substring(start, tagEnd + 1);
        int close = sql.indexOf(tag, tagEnd + 1);
        return close < 0 ? sql.length() : close + tag.length();
    }

    private static void add(List<String> statements, StringBuilder current) {
        String s = current.toString().strip();
        if (!s.isEmpty()) {
            statements.add(s);
        }
        current.setLength(0);
    }
}
