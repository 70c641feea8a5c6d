package org.newspipeline.ingest.fetch;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrivateAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
            "100.127.255.255", "0.0.0.0", "::1", "fe80::1", "fc00::1", "fd12:3456::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254",
            "224.0.0.1"})
    void our_own_networks_are_private(String address) throws Exception {
        assertTrue(PageFetcher.isPrivate(InetAddress.getByName(address)), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "100.63.255.255", "100.128.0.1", "2001:4860:4860::8888", "::ffff:8.8.8.8"})
    void public_addresses_are_not(String address) throws Exception {
        assertFalse(PageFetcher.isPrivate(InetAddress.getByName(address)), address);
    }
}
