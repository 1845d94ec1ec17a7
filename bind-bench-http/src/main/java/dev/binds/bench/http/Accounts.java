package dev.binds.bench.http;

import dev.binds.RowMapper;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;

/**
 * What both account endpoints do, word for word, so that they differ only in how they reach the database:
 * the statements, the row format ({@code id,name,balance,hits}) and the answer to a missing id.
 */
final class Accounts {

    /** The bind (and, for the raw endpoint, the pool) both endpoints use: {@value}. */
    static final String BIND = "bench";
    static final String SELECT = "select id, name, balance, hits from bench_account where id = ?";
    static final String UPDATE = "update bench_account set hits = hits + 1 where id = ?";
    static final RowMapper<String> ROW = rs -> rs.getLong(1) + "," + rs.getString(2) + "," + rs.getLong(3) + "," + rs.getLong(4);

    private Accounts() {
    }

    static HttpStatusException notFound(long id) {
        return new HttpStatusException(HttpStatus.NOT_FOUND, "no account " + id);
    }

    static String updated(long id, int rows) {
        if (rows != 1) {
            throw notFound(id);
        }
        return id + ",updated";
    }
}
