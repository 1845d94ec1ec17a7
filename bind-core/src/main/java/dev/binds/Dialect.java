package dev.binds;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * What differs between databases: the driver, identifier quoting, the error codes for unique
 * violations and retryable failures, and the single-statement forms used by the race-safe row
 * helpers ({@code INSERT … ON CONFLICT}, {@code INSERT … ON DUPLICATE KEY UPDATE},
 * {@code FINAL TABLE}). PostgreSQL, MariaDB/MySQL and H2 are known; other databases get a generic
 * dialect that uses only standard SQL and savepoints.
 *
 * @since 0.1.0
 */
public abstract class Dialect {

    /** PostgreSQL 12 and later. */
    public static final Dialect POSTGRES = new PostgresDialect();
    /** MariaDB 10.5 and later, with the MariaDB driver. */
    public static final Dialect MARIADB = new MariaDbDialect("mariadb", "org.mariadb.jdbc.Driver", true);
    /** MySQL 8 (no {@code RETURNING}), with MySQL's driver. */
    public static final Dialect MYSQL = new MariaDbDialect("mysql", "com.mysql.cj.jdbc.Driver", false);
    /** H2 2.x. */
    public static final Dialect H2 = new H2Dialect();
    /** Any other database: standard SQL only. */
    public static final Dialect GENERIC = new GenericDialect();

    private final String name;
    private final String driverClassName;

    protected Dialect(String name, String driverClassName) {
        this.name = name;
        this.driverClassName = driverClassName;
    }

    /**
     * @param url a JDBC URL
     * @return the dialect for the database it names; {@link #GENERIC} when unknown
     */
    public static Dialect forUrl(String url) {
        String u = url == null ? "" : url.toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:postgresql:")) {
            return POSTGRES;
        }
        if (u.startsWith("jdbc:mariadb:")) {
            return MARIADB;
        }
        if (u.startsWith("jdbc:mysql:")) {
            return MYSQL;
        }
        if (u.startsWith("jdbc:h2:")) {
            return H2;
        }
        return GENERIC;
    }

    /**
     * @param productName {@code DatabaseMetaData.getDatabaseProductName()}
     * @return the dialect for that product; {@link #GENERIC} when unknown
     */
    public static Dialect forProductName(String productName) {
        String p = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        if (p.contains("postgres")) {
            return POSTGRES;
        }
        if (p.contains("mariadb")) {
            return MARIADB;
        }
        if (p.contains("mysql")) {
            return MYSQL;
        }
        if (p.equals("h2")) {
            return H2;
        }
        return GENERIC;
    }

    /** @return a short name: {@code postgresql}, {@code mariadb}, {@code mysql}, {@code h2}, {@code generic} */
    public String name() {
        return name;
    }

    /** @return the JDBC driver class for URLs of this dialect, or {@code null} when unknown */
    public String driverClassName() {
        return driverClassName;
    }

    /** @return the identifier quoted for this database, with quote characters inside it doubled */
    public String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /**
     * @return whether the database itself refuses writes in a read-only session; where it does not
     * (H2), a read-only session never commits: its end is always a rollback
     */
    public boolean enforcesReadOnly() {
        return true;
    }

    /**
     * @param readOnly the mode a session enters (or, with {@code false}, returns to before release)
     * @return the statement that makes the database enforce it, or {@code null} when
     * {@code Connection.setReadOnly} already does
     */
    protected String readOnlyStatement(boolean readOnly) {
        return null;
    }

    /** @return whether the exception (or one it wraps) is a unique-constraint violation */
    public boolean isUniqueViolation(SQLException e) {
        for (SQLException x : chain(e)) {
            if ("23505".equals(x.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** @return whether the exception is a serialization failure or deadlock, after which the transaction may be re-run */
    public boolean isRetryable(SQLException e) {
        for (SQLException x : chain(e)) {
            String state = x.getSQLState();
            if ("40001".equals(state) || "40P01".equals(state)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @return whether one failed statement aborts the whole transaction (PostgreSQL), so that a
     * statement expected to fail must run inside a savepoint
     */
    public boolean failedStatementAbortsTransaction() {
        return true;
    }

    /** @return the clause that makes a select read the newest committed row and lock it shared, or "" */
    public String lockingReadClause() {
        return "";
    }

    /**
     * The statement that inserts a row unless a row with the same unique key exists, and returns the
     * inserted row. When it returns no row, the row existed.
     *
     * @param table   the quoted table
     * @param columns the quoted columns
     * @return the SQL, or {@code null} when this database has no single statement for it
     */
    protected String insertIfAbsentReturning(String table, List<String> columns) {
        return null;
    }

    /**
     * The statement that inserts a row and returns it, failing on a duplicate key.
     *
     * @return the SQL, or {@code null} when the row must be selected after inserting
     */
    protected String insertReturning(String table, List<String> columns) {
        return null;
    }

    /**
     * A single upsert statement returning the row and whether it was inserted (in a column named
     * {@link #INSERTED_COLUMN}), or {@code null} when there is none.
     *
     * @param table        the quoted table
     * @param columns      the quoted columns of the insert, lookup columns first
     * @param lookup       the quoted lookup (conflict) columns
     * @param updateColumn the quoted columns to update when the row exists
     * @return the SQL, or {@code null}
     */
    protected UpsertStatement upsert(String table, List<String> columns, List<String> lookup, List<String> updateColumn) {
        return null;
    }

    /** Column an upsert statement adds to its result to say whether it inserted. */
    public static final String INSERTED_COLUMN = "bind_inserted_";

    /**
     * An upsert statement: its SQL, and SQL run after it to read the row (for databases whose upsert
     * cannot return it), or {@code null}.
     *
     * @param sql       the upsert
     * @param selectSql the follow-up select with the lookup condition's placeholders, or {@code null}
     */
    protected record UpsertStatement(String sql, String selectSql) {
    }

    protected static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    protected static String insertInto(String table, List<String> columns) {
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + placeholders(columns.size()) + ")";
    }

    private static Iterable<SQLException> chain(SQLException e) {
        java.util.List<SQLException> all = new java.util.ArrayList<>();
        Throwable t = e;
        while (t != null && all.size() < 10) {
            if (t instanceof SQLException s) {
                all.add(s);
                if (s.getNextException() != null && !all.contains(s.getNextException())) {
                    all.add(s.getNextException());
                }
            }
            t = t.getCause();
        }
        return all;
    }

    /** Exposes the exception chain to subclasses. */
    protected static Iterable<SQLException> causes(SQLException e) {
        return chain(e);
    }

    @Override
    public String toString() {
        return name;
    }
}
