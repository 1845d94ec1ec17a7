package dev.binds.bench.http;

import dev.binds.Bind;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.inject.Named;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The baseline of benchmark 5: hand-written JDBC on the same bind's HikariCP pool (which, like every
 * bind's, hands out connections with auto-commit off): take a connection, prepare, execute, commit, close.
 */
@Controller(value = "/raw/accounts", produces = MediaType.TEXT_PLAIN)
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = "binds." + Accounts.BIND + ".url")
final class RawAccountController {

    private final DataSource pool;

    RawAccountController(@Named(Accounts.BIND) Bind bind) {
        this.pool = bind.dataSource();
    }

    @Get("/{id}")
    String get(long id) throws SQLException {
        String row = null;
        try (Connection c = pool.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(Accounts.SELECT)) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        row = Accounts.ROW.map(rs);
                    }
                }
            }
            c.commit();
        }
        if (row == null) {
            throw Accounts.notFound(id);
        }
        return row;
    }

    @Post("/{id}/hit")
    String hit(long id) throws SQLException {
        int rows;
        try (Connection c = pool.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(Accounts.UPDATE)) {
                ps.setLong(1, id);
                rows = ps.executeUpdate();
            }
            c.commit();
        }
        return Accounts.updated(id, rows);
    }
}
