package org.newspipeline.edge.access;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules behind the policies, without a server. */
class AccessRulesTest {

    private static final AccessConfig CONFIG = new AccessConfig() {
        public Optional<List<String>> apiKeys() {
            return Optional.of(List.of(" write-key ", ""));
        }

        public Optional<List<String>> readKeys() {
            return Optional.of(List.of("read-key"));
        }

        public Optional<List<String>> corsOrigins() {
            return Optional.empty();
        }
    };

    @Test
    void an_api_key_reads_and_writes_a_read_key_reads_and_a_stranger_is_anonymous_and_marked() {
        ApiKeys keys = new ApiKeys(CONFIG);
        var writer = keys.identify("write-key");
        assertTrue(writer.hasRole(ApiKeys.WRITE) && writer.hasRole(ApiKeys.READ));
        assertTrue(writer.getPrincipal().getName().matches("[0-9a-f]{64}"), "named by the key's SHA-256, not by the key");
        var reader = keys.identify("read-key");
        assertTrue(reader.hasRole(ApiKeys.READ) && !reader.hasRole(ApiKeys.WRITE));
        var stranger = keys.identify("write-key2");
        assertTrue(stranger.isAnonymous());
        assertEquals(401, Refusal.unauthorized(stranger).status);
        assertEquals("wrong", Refusal.unauthorized(stranger).reason);
        assertEquals("wrong", Refusal.unauthorized(reader).reason, "a read key is not an API key");
        assertFalse(keys.identify("").hasRole(ApiKeys.READ), "blank configured keys are no keys");
    }

    @Test
    void without_keys_writes_come_from_loopback_addresses_given_as_numbers() {
        assertTrue(WritePolicy.isLoopback("127.0.0.1"));
        assertTrue(WritePolicy.isLoopback("::1"));
        assertFalse(WritePolicy.isLoopback("localhost"), "a name is not looked up");
        assertFalse(WritePolicy.isLoopback("10.0.0.1"));
        assertFalse(WritePolicy.isLoopback(null));
    }

    @Test
    void the_same_origin_is_the_host_the_request_names() {
        assertTrue(CrossOrigins.sameOrigin("http://news.example:8080", "NEWS.example:8080"));
        assertFalse(CrossOrigins.sameOrigin("http://news.example:8080", "news.example"));
        assertFalse(CrossOrigins.sameOrigin("null", "news.example"));
        assertFalse(CrossOrigins.sameOrigin("http://[bad", "news.example"));
    }
}
