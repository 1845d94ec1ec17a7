package dev.binds;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tables a bind's row helpers have used, read once from JDBC metadata and cached: the exact
 * name of each table and column (whatever case the database folded it to) and the primary key.
 * Names the metadata does not know are refused, so no caller-supplied name becomes SQL.
 */
final class TableCatalog {

    private final Bind bind;
    private final Map<String, TableInfo> cache = new ConcurrentHashMap<>();

    TableCatalog(Bind bind) {
        this.bind = bind;
    }

    void clear() {
        cache.clear();
    }

    TableInfo table(Connection connection, String name) {
        TableInfo known = cache.get(name);
        if (known != null) {
            return known;
        }
        try {
            TableInfo loaded = load(connection, name);
            cache.put(name, loaded);
            return loaded;
        } catch (SQLException e) {
            throw SqlErrors.translate(bind, "reading metadata of table " + name, e);
        }
    }

    private TableInfo load(Connection c, String requested) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String schema = null;
        String table = requested;
        int dot = requested.indexOf('.');
        if (dot > 0) {
            schema = requested.substring(0, dot);
            table = requested.substring(dot + 1);
        }
        boolean catalogIsSchema = bind.dialect() == Dialect.MARIADB || bind.dialect() == Dialect.MYSQL;
        String catalog = catalogIsSchema ? (schema != null ? schema : c.getCatalog()) : null;
        String schemaPattern = catalogIsSchema ? null : (schema != null ? schema : c.getSchema());
        String actual = null;
        String actualSchema = null;
        try (ResultSet rs = md.getTables(catalog, schemaPattern, null, new String[] {"TABLE", "BASE TABLE", "VIEW"})) {
            while (rs.next()) {
                String candidate = rs.getString("TABLE_NAME");
                if (candidate.equals(table) || (actual == null && candidate.equalsIgnoreCase(table))) {
                    actual = candidate;
                    actualSchema = catalogIsSchema ? rs.getString("TABLE_CAT") : rs.getString("TABLE_SCHEM");
                }
            }
        }
        if (actual == null) {
            throw new UnknownIdentifierException(bind.name(), "Bind '" + bind.name() + "': table '" + requested
                    + "' does not exist in " + (catalogIsSchema ? catalog : schemaPattern)
                    + ". Check the name, or run the bind's migrations first");
        }
        Map<String, String> columns = new LinkedHashMap<>();
        try (ResultSet rs = md.getColumns(catalogIsSchema ? actualSchema : null, catalogIsSchema ? null : actualSchema,
                escape(md, actual), "%")) {
            while (rs.next()) {
                if (actual.equals(rs.getString("TABLE_NAME"))) {
                    String col = rs.getString("COLUMN_NAME");
                    columns.put(col.toLowerCase(java.util.Locale.ROOT), col);
                }
            }
        }
        List<String> pk = new ArrayList<>();
        try (ResultSet rs = md.getPrimaryKeys(catalogIsSchema ? actualSchema : null,
                catalogIsSchema ? null : actualSchema, actual)) {
            Map<Integer, String> bySeq = new java.util.TreeMap<>();
            while (rs.next()) {
                bySeq.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
            pk.addAll(bySeq.values());
        }
        Dialect d = bind.dialect();
        String qualified = (schema != null ? d.quote(actualSchema) + "." : "") + d.quote(actual);
        return new TableInfo(bind.name(), requested, qualified, columns, pk, d);
    }

    private static String escape(DatabaseMetaData md, String name) throws SQLException {
        String esc = md.getSearchStringEscape();
        if (esc == null || esc.isEmpty()) {
            return name;
        }
        return name.replace(esc, esc + esc).replace("_", esc + "_").replace("%", esc + "%");
    }
}
