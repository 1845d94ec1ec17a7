package dev.binds.bench;

import dev.binds.RowMapper;

/** One row of {@code bench_account}, as both sides of a benchmark map it. */
record Account(long id, String name, long balance) {

    static final String SELECT_BY_ID = "SELECT id, name, balance FROM bench_account WHERE id = ?";
    static final RowMapper<Account> MAPPER = rs -> new Account(rs.getLong(1), rs.getString(2), rs.getLong(3));
}
