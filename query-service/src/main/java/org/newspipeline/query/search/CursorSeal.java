package org.newspipeline.query.search;

import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Seals cursors with an HMAC over the cursor and the search it came from, so a client can neither
 * forge one (a cursor dated year 1,000,000,000) nor carry one to another search. The key comes from
 * {@code query.search.cursor-key} (QUERY_SEARCH_CURSOR_KEY); without one a random key is made at
 * start-up, and cursors then hold only for this process: replicas behind one address need the key.
 */
@ApplicationScoped
public class CursorSeal {

    private static final int MAC_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    public CursorSeal(SearchConfig config) {
        byte[] secret = config.cursorKey().map(k -> k.getBytes(StandardCharsets.UTF_8)).orElseGet(() -> {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return random;
        });
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    String seal(String cursor, SearchRequest request) {
        return cursor + "." + ENCODER.encodeToString(mac(cursor, request));
    }

    /** @return the cursor this search gave out, or null when the request has none */
    Cursor open(SearchRequest request) {
        String sealed = request.cursor();
        if (sealed == null) {
            return null;
        }
        int dot = sealed.lastIndexOf('.');
        if (dot > 0) {
            try {
                byte[] given = Base64.getUrlDecoder().decode(sealed.substring(dot + 1));
                String cursor = sealed.substring(0, dot);
                if (MessageDigest.isEqual(given, mac(cursor, request))) {
                    return Cursor.decode(cursor, request.sort());
                }
            } catch (IllegalArgumentException notBase64) {
                // answered below
            }
        }
        throw new BadParameterException("cursor is not one this search gave out (same query, filters and sort)");
    }

    private byte[] mac(String cursor, SearchRequest request) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(cursor.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Arrays.copyOf(mac.doFinal(request.binding().getBytes(StandardCharsets.UTF_8)), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
