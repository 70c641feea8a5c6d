package org.newspipeline.query.alert;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** Saved searches' webhook delivery (QUERY_ALERTS_WORKERS, ...); defaults in application.properties. */
@ConfigMapping(prefix = "query.alerts")
public interface AlertConfig {

    /** Searches delivered at once by this replica: a slow or silent receiver holds one of them. */
    int workers();

    /** How often an idle worker looks for searches with something to deliver. */
    Duration poll();

    /** The longest one POST may take, connecting included. */
    Duration timeout();

    /** Events a delivery reads from the log at a time (matches are posted one by one, in order). */
    int batch();

    /** A search is paused after this many failed deliveries in a row, the last reason kept. */
    int maxFailures();

    /** Pauses between failed deliveries: the first, doubling up to the longest. */
    Duration firstRetry();

    Duration longestRetry();

    /** Whether receivers on loopback, private or link-local addresses are allowed (tests, a closed network). */
    boolean allowPrivateTargets();
}
