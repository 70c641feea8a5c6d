package org.newspipeline.query.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement under construction: SQL text with one {@code ?} per value, and the values in order.
 * Every value is bound, never spliced into the text.
 */
final class Sql {

    /** Reads one row of a result. */
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** No search statement runs longer; PostgreSQL cancels it (and the backend stops) after this. */
    static final int TIMEOUT_SECONDS = 5;

    private final StringBuilder text = new StringBuilder();
    private final List<Object> values = new ArrayList<>();

    static Sql of(String fragment, Object... values) {
        return new Sql().append(fragment, values);
    }

    Sql append(String fragment, Object... values) {
        text.append(fragment);
        for (Object v : values) {
            // pgjdbc binds java.time's OffsetDateTime, not Instant.
            this.values.add(v instanceof Instant i ? OffsetDateTime.ofInstant(i, ZoneOffset.UTC) : v);
        }
        return this;
    }

    <T> List<T> list(Connection c, Row<T> row) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(text.toString())) {
            st.setQueryTimeout(TIMEOUT_SECONDS);
            for (int i = 0; i < values.size(); i++) {
                st.setObject(i + 1, values.get(i));
            }
            try (ResultSet rs = st.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(row.read(rs));
                }
                return rows;
            }
        }
    }
}
