package org.newspipeline.contract;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BackoffTest {

    @Test
    void waits_double_after_each_failure_up_to_the_longest() {
        Backoff kafka = Backoff.KAFKA;
        assertEquals(Duration.ofSeconds(1), kafka.after(0));
        assertEquals(Duration.ofSeconds(1), kafka.after(1));
        assertEquals(Duration.ofSeconds(2), kafka.after(2));
        assertEquals(Duration.ofSeconds(32), kafka.after(6));
        assertEquals(Duration.ofMinutes(1), kafka.after(7));
        assertEquals(Duration.ofMinutes(1), kafka.after(Integer.MAX_VALUE));
    }

    @Test
    void a_long_first_wait_never_overflows() {
        Backoff days = new Backoff(Duration.ofDays(1), Duration.ofDays(365 * 1000));
        assertEquals(Duration.ofDays(512), days.after(10));
        assertEquals(Duration.ofDays(365 * 1000), days.after(40));
        assertEquals(Duration.ofDays(365 * 1000), days.after(70));
    }

    @Test
    void a_schedule_that_cannot_wait_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofNanos(999_999), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }
}
