package dev.atrium.billing.adapter.out.persistence;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An INSERT of any number of rows as one statement: each column goes as one array parameter and
 * {@code unnest} turns them back into rows, in the order given. The statement's text does not depend
 * on the number of rows, so the driver and PostgreSQL prepare and plan it once per connection, and
 * there is no parameter limit to split a batch at. Money and times travel as text and are cast by
 * PostgreSQL ({@code numeric}, ISO-8601 in UTC), so nothing is rounded on the way.
 */
final class MultiRowInsert<T> {

    /** A column and the PostgreSQL type of its values. */
    record Column(String name, String type) {

        static Column text(String name) {
            return new Column(name, "varchar");
        }

        static Column number(String name) {
            return new Column(name, "int8");
        }

        static Column money(String name) {
            return new Column(name, "numeric");
        }

        static Column flag(String name) {
            return new Column(name, "bool");
        }

        static Column time(String name) {
            return new Column(name, "timestamptz");
        }

        /** What the driver sends the array as: money and times as text, for PostgreSQL to cast. */
        String arrayType() {
            return type.equals("numeric") || type.equals("timestamptz") ? "text" : type;
        }

        /** An array for the values the driver sends, typed so it encodes them as such. */
        Object[] cells(int rows) {
            return switch (type) {
                case "int8" -> new Long[rows];
                case "bool" -> new Boolean[rows];
                default -> new String[rows];
            };
        }

        String parameter() {
            return "CAST(? AS " + type + "[])";
        }
    }

    /** Binds one row's values, in column order. */
    interface Binder<T> {
        void bind(T row, Values values);
    }

    private final List<Column> columns;
    private final String sql;
    private final Binder<T> binder;

    /**
     * @param tail what follows the rows, e.g. {@code ON CONFLICT DO NOTHING RETURNING id}
     */
    MultiRowInsert(String table, List<Column> columns, String tail, Binder<T> binder) {
        this.columns = List.copyOf(columns);
        this.sql = "INSERT INTO " + table + " (" + columns.stream().map(Column::name).collect(Collectors.joining(", "))
                + ") SELECT * FROM unnest(" + columns.stream().map(Column::parameter).collect(Collectors.joining(", "))
                + ")" + (tail.isEmpty() ? "" : " " + tail);
        this.binder = binder;
    }

    /** The statement, with one parameter per column; to run alone or as a part of a larger one. */
    String sql() {
        return sql;
    }

    void execute(Connection connection, List<T> rows) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, 1, rows);
            statement.executeUpdate();
        }
    }

    /** For a statement ending in {@code RETURNING} one text column: the values returned. */
    List<String> executeReturning(Connection connection, List<T> rows) throws SQLException {
        List<String> returned = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, 1, rows);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    returned.add(rs.getString(1));
                }
            }
        }
        return returned;
    }

    /**
     * Sets the rows as this insert's parameters, from {@code first} on.
     *
     * @return the index of the parameter after them
     */
    int bind(PreparedStatement statement, int first, List<T> rows) throws SQLException {
        Values values = new Values(columns, rows.size());
        for (T row : rows) {
            binder.bind(row, values);
            values.next();
        }
        Connection connection = statement.getConnection();
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            statement.setArray(first + c, connection.createArrayOf(column.arrayType(), values.cells[c]));
        }
        return first + columns.size();
    }

    /** One row's values, filled left to right; money and times already as the text PostgreSQL reads. */
    static final class Values {

        private final Object[][] cells;
        private int row;
        private int column;

        private Values(List<Column> columns, int rows) {
            this.cells = new Object[columns.size()][];
            for (int c = 0; c < cells.length; c++) {
                cells[c] = columns.get(c).cells(rows);
            }
        }

        private void next() {
            if (column != cells.length) {
                throw new IllegalStateException("bound " + column + " values of a row of " + cells.length);
            }
            row++;
            column = 0;
        }

        private Values put(Object value) {
            cells[column++][row] = value;
            return this;
        }

        Values text(String value) {
            return put(value);
        }

        Values number(long value) {
            return put(value);
        }

        Values money(BigDecimal value) {
            return put(value == null ? null : value.toPlainString());
        }

        Values flag(boolean value) {
            return put(value);
        }

        Values time(Instant value) {
            return put(value == null ? null : value.toString());
        }
    }
}
