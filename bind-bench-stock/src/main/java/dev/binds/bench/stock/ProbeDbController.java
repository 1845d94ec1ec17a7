package dev.binds.bench.stock;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.inject.Named;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** {@code GET /probe/db}: one statement on data source {@code default}, to show that the pools work. */
@Controller(value = "/probe/db", produces = MediaType.TEXT_PLAIN)
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = "datasources.default.url")
final class ProbeDbController {

    private final DataSource dataSource;

    ProbeDbController(@Named("default") DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Get
    String db() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select 1");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return String.valueOf(rs.getInt(1));
        }
    }
}
