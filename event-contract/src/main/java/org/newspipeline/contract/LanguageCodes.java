package org.newspipeline.contract;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** A stated language: an ISO 639-1 code, maybe with a region ("en", "de", "en-GB"), kept as its two letters. */
public final class LanguageCodes {

    private static final Pattern TAG = Pattern.compile("[A-Za-z]{2}(?:[-_][A-Za-z0-9]{1,8})*");

    private LanguageCodes() {
    }

    /** @return the two lower-case letters, or empty when it is no language code ("German", "xyz") */
    public static Optional<String> normalize(String language) {
        if (language == null || !TAG.matcher(language.strip()).matches()) {
            return Optional.empty();
        }
        return Optional.of(language.strip().substring(0, 2).toLowerCase(Locale.ROOT));
    }
}
