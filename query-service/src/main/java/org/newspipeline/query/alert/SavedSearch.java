package org.newspipeline.query.alert;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/**
 * A saved search as its owner sees it.
 *
 * @param webhook  where new matches are posted (null: none; the search is read by its stream and digest)
 * @param secret   the signing secret: shown once, in the answer that created the search
 * @param delivery how its webhook is doing (null without one)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SavedSearch(UUID id, String name, SearchParams search, String webhook, String secret, Instant createdAt,
                          Delivery delivery) {

    /**
     * @param delivered     matches posted and acknowledged (2xx)
     * @param failures      failed attempts in a row
     * @param lastError     the last failure's reason
     * @param paused        why delivery is paused (after too many failures in a row); POST .../resume restarts it
     * @param backlog       articles stored since the last one delivered, not yet checked against the search
     * @param nextAttemptAt when the next try is due after a failure
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Delivery(long delivered, int failures, Instant lastDeliveryAt, String lastError, String paused,
                           long backlog, Instant nextAttemptAt) {
    }

    SavedSearch withSecret(String s) {
        return new SavedSearch(id, name, search, webhook, s, createdAt, delivery);
    }
}
