package org.newspipeline.contract;

import java.util.Optional;

/**
 * Text every consumer can store: PostgreSQL refuses NUL characters and unpaired UTF-16 surrogates
 * (in text and in jsonb), so they are refused at every edge instead of stopping a consumer later.
 */
public final class PayloadText {

    private PayloadText() {
    }

    /** @return what is wrong with the text, or empty when it is storable */
    public static Optional<String> problem(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return Optional.of("contains a NUL character at index " + i);
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Optional.of("contains an unpaired surrogate at index " + i);
            }
            if (Character.isLowSurrogate(c)) {
                return Optional.of("contains an unpaired surrogate at index " + i);
            }
        }
        return Optional.empty();
    }
}
