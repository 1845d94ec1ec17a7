package dev.binds.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;

/**
 * The baselines of benchmark 4, as a careful developer writes them with plain JDBC.
 *
 * <ul>
 *   <li>The hand-written statement, one round trip that returns the row: PostgreSQL
 *   {@code INSERT … ON CONFLICT (k) DO UPDATE SET … RETURNING *, (xmax = 0)} (for get-or-create the
 *   common no-op update {@code SET k = EXCLUDED.k}, which returns the existing row); MariaDB
 *   {@code INSERT … ON DUPLICATE KEY UPDATE … RETURNING id, k, v} (10.5+; it returns the row as it is
 *   after the statement; {@code k = k} for get-or-create).</li>
 *   <li>The classic get-or-create: select; on a miss insert (inside a savepoint on PostgreSQL, where a
 *   failed statement aborts the transaction); on a duplicate key roll back to it and select again.</li>
 * </ul>
 */
final class HandWritten {

    private static final String SELECT = "SELECT id, k, v FROM bench_kv WHERE k = ?";
    private static final String INSERT = "INSERT INTO bench_kv (k, v) VALUES (?, ?)";

    private final boolean postgres;
    private final String getOrCreate;
    private final String updateOrCreate;

    private HandWritten(boolean postgres, String getOrCreate, String updateOrCreate) {
        this.postgres = postgres;
        this.getOrCreate = getOrCreate;
        this.updateOrCreate = updateOrCreate;
    }

    static HandWritten forDb(String db) {
        if (Databases.POSTGRES.equals(db)) {
            return new HandWritten(true,
                    INSERT + " ON CONFLICT (k) DO UPDATE SET k = EXCLUDED.k RETURNING id, k, v, (xmax = 0)",
                    INSERT + " ON CONFLICT (k) DO UPDATE SET v = EXCLUDED.v RETURNING id, k, v, (xmax = 0)");
        }
        return new HandWritten(false,
                INSERT + " ON DUPLICATE KEY UPDATE k = k RETURNING id, k, v",
                INSERT + " ON DUPLICATE KEY UPDATE v = VALUES(v) RETURNING id, k, v");
    }

    Kv getOrCreate(Connection c, long k, long v) throws SQLException {
        return upsert(c, getOrCreate, k, v);
    }

    Kv updateOrCreate(Connection c, long k, long v) throws SQLException {
        return upsert(c, updateOrCreate, k, v);
    }

    Kv classicGetOrCreate(Connection c, long k, long v) throws SQLException {
        Kv found = select(c, k);
        if (found != null) {
            return found;
        }
        Savepoint sp = postgres ? c.setSavepoint() : null;
        try (PreparedStatement ps = c.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, k);
            ps.setLong(2, v);
            ps.executeUpdate();
            long id;
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
            if (sp != null) {
                c.releaseSavepoint(sp);
            }
            return new Kv(id, k, v, true);
        } catch (SQLException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
            if (sp != null) {
                c.rollback(sp);
            }
            Kv winner = select(c, k);
            if (winner == null) {
                throw new IllegalStateException("duplicate key " + k + " but no row", e);
            }
            return winner;
        }
    }

    private Kv upsert(Connection c, String sql, long k, long v) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, k);
            ps.setLong(2, v);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Kv(rs.getLong(1), rs.getLong(2), rs.getLong(3), postgres && rs.getBoolean(4));
            }
        }
    }

    private static Kv select(Connection c, long k) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT)) {
            ps.setLong(1, k);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Kv(rs.getLong(1), rs.getLong(2), rs.getLong(3), false) : null;
            }
        }
    }

    private static boolean isDuplicateKey(SQLException e) {
        return "23505".equals(e.getSQLState()) || e.getErrorCode() == 1062;
    }
}
