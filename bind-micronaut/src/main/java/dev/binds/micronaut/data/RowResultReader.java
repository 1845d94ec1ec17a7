package dev.binds.micronaut.data;

import dev.binds.Row;
import io.micronaut.core.reflect.ReflectionUtils;
import io.micronaut.data.model.DataType;
import io.micronaut.data.runtime.convert.DataConversionService;
import io.micronaut.data.runtime.mapper.ResultReader;

import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;

/**
 * Lets Micronaut Data's row mapper read a bind's {@link Row} as it reads a JDBC {@code ResultSet}: by
 * column label, without regard to case, a SQL {@code NULL} as {@code null}, values converted with
 * Micronaut Data's conversion service. Date-time values that a driver returns as {@code java.time}
 * objects are read as the {@code java.sql} types {@code ResultSet.getTimestamp} and friends would give,
 * so an entity reads the same through a session as through a repository. Stateless.
 */
final class RowResultReader implements ResultReader<Row, String> {

    private final DataConversionService conversions;

    RowResultReader(DataConversionService conversions) {
        this.conversions = conversions;
    }

    @Override
    public Object readDynamic(Row row, String column, DataType dataType) {
        // the typed readers return primitives: a NULL must not reach them
        return row.get(column) == null ? null : ResultReader.super.readDynamic(row, column, dataType);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getRequiredValue(Row row, String column, Class<T> type) {
        Object value = row.get(column);
        if (value == null) {
            return null;
        }
        Class<T> target = (Class<T>) ReflectionUtils.getWrapperType(type);
        return target.isInstance(value) ? (T) value : convertRequired(value, target);
    }

    @Override
    public Date readTimestamp(Row row, String column) {
        Object value = row.get(column);
        if (value instanceof LocalDateTime t) {
            return Timestamp.valueOf(t);
        } else if (value instanceof OffsetDateTime t) {
            return Timestamp.from(t.toInstant());
        } else if (value instanceof ZonedDateTime t) {
            return Timestamp.from(t.toInstant());
        } else if (value instanceof Instant t) {
            return Timestamp.from(t);
        }
        return getRequiredValue(row, column, Date.class);
    }

    @Override
    public Date readDate(Row row, String column) {
        return row.get(column) instanceof LocalDate d ? java.sql.Date.valueOf(d) : getRequiredValue(row, column, Date.class);
    }

    @Override
    public Time readTime(Row row, String column) {
        return row.get(column) instanceof LocalTime t ? Time.valueOf(t) : getRequiredValue(row, column, Time.class);
    }

    @Override
    public boolean next(Row row) {
        return false; // one row at a time: the session has read the result already
    }

    @Override
    public DataConversionService getConversionService() {
        return conversions;
    }
}
