package org.newspipeline.query.alert;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookTargetsTest {

    private final WebhookTargets targets = new WebhookTargets(config(false));

    @Test
    void addresses_of_this_machine_and_private_networks_are_refused() {
        for (String url : new String[]{"http://127.0.0.1/hook", "http://localhost:8080/", "http://[::1]/", "http://10.1.2.3/",
                "http://192.168.0.1/", "http://172.16.5.4/", "http://169.254.169.254/latest/meta-data", "http://0.0.0.0/",
                "http://100.64.0.1/", "http://[fd00::1]/", "http://[fe80::1]/"}) {
            assertTrue(targets.refusal(url).orElse("").contains("address"), url);
        }
    }

    @Test
    void ipv6_forms_that_carry_a_private_ipv4_address_are_refused() throws Exception {
        for (String address : new String[]{"::7f00:1", "64:ff9b::a9fe:a9fe", "2002:c0a8:0101::1", "2001:0:4136:e378::1",
                "::ffff:169.254.169.254", "198.18.0.1", "240.0.0.1", "255.255.255.255", "192.0.0.8"}) {
            assertTrue(WebhookTargets.isPrivate(InetAddress.getByName(address)), address);
        }
        for (String address : new String[]{"93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946", "64:ff9b::5db8:d822",
                "2002:5db8:d822::1"}) {
            assertFalse(WebhookTargets.isPrivate(InetAddress.getByName(address)), address);
        }
    }

    @Test
    void only_http_urls_with_a_host_and_no_user_info_are_taken() {
        assertTrue(targets.refusal("file:///etc/passwd").isPresent());
        assertTrue(targets.refusal("gopher://example.org/").isPresent());
        assertTrue(targets.refusal("http://user:pw@93.184.216.34/").isPresent());
        assertTrue(targets.refusal("http:///nohost").isPresent());
        assertTrue(targets.refusal("http://" + "a".repeat(3000) + ".org/").isPresent());
        assertEquals(java.util.Optional.empty(), targets.refusal("https://93.184.216.34/hook"));
        assertEquals(java.util.Optional.empty(), new WebhookTargets(config(true)).refusal("http://127.0.0.1:9/hook"));
    }

    private static AlertConfig config(boolean allowPrivate) {
        return new AlertConfig() {
            public int workers() { return 1; }
            public Duration poll() { return Duration.ofSeconds(1); }
            public Duration timeout() { return Duration.ofSeconds(1); }
            public int batch() { return 1; }
            public int maxFailures() { return 1; }
            public Duration firstRetry() { return Duration.ofSeconds(1); }
            public Duration longestRetry() { return Duration.ofSeconds(1); }
            public boolean allowPrivateTargets() { return allowPrivate; }
        };
    }
}
