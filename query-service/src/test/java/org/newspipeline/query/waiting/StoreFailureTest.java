package org.newspipeline.query.waiting;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.DateTimeException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoreFailureTest {

    @Test
    void a_record_postgresql_refuses_or_the_code_fails_on_is_the_records_fault() {
        assertTrue(StoreFailure.isCausedByData(new RuntimeException(new SQLException("too long", "54000"))));
        assertTrue(StoreFailure.isCausedByData(new RuntimeException(new SQLException("bad date", "22008"))));
        assertTrue(StoreFailure.isCausedByData(new NullPointerException("entity type")));
        assertTrue(StoreFailure.isCausedByData(new DateTimeException("year out of range")));
    }

    @Test
    void a_database_that_is_away_is_waited_for() {
        assertFalse(StoreFailure.isCausedByData(new RuntimeException(new SQLException("connection refused", "08001"))));
        assertFalse(StoreFailure.isCausedByData(new RuntimeException(new SQLTransientConnectionException("acquisition timeout"))));
        // Even a null pointer, when it is the driver's on a closed connection.
        assertFalse(StoreFailure.isCausedByData(new IllegalStateException(new SQLException("closed", "08003", new NullPointerException()))));
        assertFalse(StoreFailure.isCausedByData(new IllegalStateException("pool closed")));
    }
}
