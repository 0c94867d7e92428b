package dev.atrium.billing.adapter.out.persistence;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * INSERTs of many rows as one statement per chunk: a usage batch costs a handful of round trips to
 * PostgreSQL instead of several per generation, which is what lets the ledger keep up.
 */
final class MultiRowInsert<T> {

    /** PostgreSQL takes at most 32,767 parameters per statement. */
    private static final int MAX_PARAMETERS = 32_000;

    /** Binds one row's values, in column order. */
    interface Binder<T> {
        void bind(T row, Values values) throws SQLException;
    }

    private final String head;
    private final String tail;
    private final int columns;
    private final Binder<T> binder;

    /**
     * @param tail what follows the VALUES list, e.g. {@code ON CONFLICT DO NOTHING RETURNING id}
     */
    MultiRowInsert(String table, List<String> columns, String tail, Binder<T> binder) {
        this.head = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ";
        this.tail = tail.isEmpty() ? "" : " " + tail;
        this.columns = columns.size();
        this.binder = binder;
    }

    void execute(Connection connection, List<T> rows) throws SQLException {
        for (List<T> chunk : chunks(rows)) {
            try (PreparedStatement statement = prepare(connection, chunk)) {
                statement.executeUpdate();
            }
        }
    }

    /** For a statement ending in {@code RETURNING} one text column: the values returned. */
    List<String> executeReturning(Connection connection, List<T> rows) throws SQLException {
        List<String> returned = new ArrayList<>();
        for (List<T> chunk : chunks(rows)) {
            try (PreparedStatement statement = prepare(connection, chunk); ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    returned.add(rs.getString(1));
                }
            }
        }
        return returned;
    }

    private List<List<T>> chunks(List<T> rows) {
        int size = Math.max(1, MAX_PARAMETERS / columns);
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += size) {
            chunks.add(rows.subList(from, Math.min(rows.size(), from + size)));
        }
        return chunks;
    }

    private PreparedStatement prepare(Connection connection, List<T> chunk) throws SQLException {
        String row = "(" + "?, ".repeat(columns - 1) + "?)";
        StringBuilder sql = new StringBuilder(head.length() + chunk.size() * (row.length() + 2) + tail.length());
        sql.append(head);
        for (int i = 0; i < chunk.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(row);
        }
        sql.append(tail);
        PreparedStatement statement = connection.prepareStatement(sql.toString());
        try {
            Values values = new Values(statement);
            for (T r : chunk) {
                binder.bind(r, values);
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    /** The statement's parameters, filled left to right. */
    static final class Values {

        private final PreparedStatement statement;
        private int index;

        Values(PreparedStatement statement) {
            this.statement = statement;
        }

        Values text(String value) throws SQLException {
            statement.setString(++index, value);
            return this;
        }

        Values number(long value) throws SQLException {
            statement.setLong(++index, value);
            return this;
        }

        Values money(BigDecimal value) throws SQLException {
            statement.setBigDecimal(++index, value);
            return this;
        }

        Values flag(boolean value) throws SQLException {
            statement.setBoolean(++index, value);
            return this;
        }

        Values time(Instant value) throws SQLException {
            if (value == null) {
                statement.setNull(++index, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                statement.setObject(++index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
            }
            return this;
        }
    }
}
