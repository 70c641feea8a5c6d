package org.newspipeline.edge.access;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The configured keys, and what a presented key may do: an API key reads and writes, a read key
 * reads. A caller is named by the SHA-256 of its key (hex), never by the key: what a caller owns
 * (saved searches) is kept under that name.
 */
@ApplicationScoped
public class ApiKeys {

    public static final String READ = "read";
    public static final String WRITE = "write";
    /** Set on the anonymous identity of a caller whose key is none of ours. */
    static final String UNKNOWN_KEY = "news.unknown-key";
    private static final Logger LOG = Logger.getLogger(ApiKeys.class);

    /** The keys' SHA-256 digests: compared in constant time, they give away no key's length. */
    private final List<byte[]> apiKeys;
    private final List<byte[]> readKeys;

    public ApiKeys(AccessConfig config) {
        this.apiKeys = digests(config.apiKeys());
        this.readKeys = digests(config.readKeys());
    }

    void announce(@Observes StartupEvent event) {
        if (apiKeys.isEmpty()) {
            LOG.warn("No API key is configured (NEWS_API_KEYS): writes are accepted from loopback addresses only");
        }
        if (!readKeys.isEmpty()) {
            LOG.info("Reads need a key (NEWS_READ_KEYS)");
        }
    }

    public boolean writesNeedKey() {
        return !apiKeys.isEmpty();
    }

    boolean readsNeedKey() {
        return !readKeys.isEmpty();
    }

    /** The caller a key makes: with its roles, or anonymous and marked when the key is not one of ours. */
    SecurityIdentity identify(String key) {
        byte[] given = sha256(key);
        boolean writes = known(given, apiKeys);
        boolean reads = writes || known(given, readKeys);
        if (!reads) {
            return QuarkusSecurityIdentity.builder().setAnonymous(true).setPrincipal(new QuarkusPrincipal(""))
                    .addAttribute(UNKNOWN_KEY, true).build();
        }
        QuarkusSecurityIdentity.Builder caller = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(HexFormat.of().formatHex(given))).addRole(READ);
        return (writes ? caller.addRole(WRITE) : caller).build();
    }

    private static boolean known(byte[] given, List<byte[]> keys) {
        boolean known = false;
        for (byte[] key : keys) {
            known |= MessageDigest.isEqual(given, key); // every key compared: no early exit to time
        }
        return known;
    }

    /** A key's name: its SHA-256, in hex. */
    public static String name(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static List<byte[]> digests(Optional<List<String>> configured) {
        return configured.orElse(List.of()).stream().map(String::strip).filter(k -> !k.isEmpty())
                .map(ApiKeys::sha256).toList();
    }
}
