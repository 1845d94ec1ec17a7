package dev.binds.micronaut.data;

import io.micronaut.core.convert.ConversionService;
import io.micronaut.data.model.DataType;
import io.micronaut.data.runtime.mapper.QueryStatement;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * Turns a property value into the JDBC parameter Micronaut Data's repositories would bind for it, by
 * running Micronaut Data's own {@link QueryStatement#setDynamic} against a one-element array instead of
 * a {@code PreparedStatement}: an enum becomes its name in a {@code STRING} column, an {@code Instant}
 * or {@code LocalDateTime} a {@link Timestamp}, a number the column's width. The session then binds the
 * result with {@code setObject}, which every driver takes. Stateless.
 */
final class ParameterConverter implements QueryStatement<Object[], Integer> {

    private final ConversionService conversions;

    ParameterConverter(ConversionService conversions) {
        this.conversions = conversions;
    }

    /** @return {@code value} as a parameter of a column of {@code type}; {@code null} stays {@code null} */
    Object convert(DataType type, Object value) {
        if (value == null) {
            return null;
        }
        Object[] parameter = new Object[1];
        setDynamic(parameter, 0, type, value);
        return parameter[0];
    }

    @Override
    public QueryStatement<Object[], Integer> setValue(Object[] parameter, Integer index, Object value) {
        parameter[index] = value;
        return this;
    }

    /** As {@code JdbcQueryStatement}: a timestamp in the JVM's zone, which is how reading turns it back. */
    @Override
    public QueryStatement<Object[], Integer> setTimestamp(Object[] parameter, Integer index, Instant instant) {
        parameter[index] = instant == null ? null : Timestamp.from(instant);
        return this;
    }

    @Override
    public ConversionService getConversionService() {
        return conversions;
    }
}
