package org.newspipeline.query.waiting;

import java.sql.SQLException;
import java.time.DateTimeException;

/**
 * Tells a record PostgreSQL will never store from a database that is away. SQLSTATE classes 22
 * (data exception: a value out of range, a bad encoding), 23 (integrity constraint) and 54
 * (program limit exceeded: an index row too large) belong to the data; anything else
 * (connection lost, server shutting down, serialization failure, no connection in time) passes.
 */
public final class StoreFailure {

    private StoreFailure() {
    }

    public static boolean isCausedByData(Throwable failure) {
        boolean database = false;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String sqlClass = sql.getSQLState().length() >= 2 ? sql.getSQLState().substring(0, 2) : "";
                return sqlClass.equals("22") || sqlClass.equals("23") || sqlClass.equals("54");
            }
            database |= t instanceof SQLException;
        }
        if (database) {
            return false;
        }
        // No database involved: the code failed on this record's values (a null, a value out of range).
        // Waiting would retry it for ever; it goes to the DLQ until a fix and a redrive.
        return failure instanceof NullPointerException || failure instanceof IllegalArgumentException
                || failure instanceof IndexOutOfBoundsException || failure instanceof ClassCastException
                || failure instanceof ArithmeticException || failure instanceof DateTimeException;
    }

    /** What to say about a failure without SQL text or parameters: its SQLSTATE, or its kind. */
    public static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return "SQLSTATE " + sql.getSQLState() + ": " + firstLine(sql.getMessage());
            }
        }
        return failure.getClass().getSimpleName();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
