package org.newspipeline.contract;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** A stated country: an ISO 3166-1 alpha-2 code ("GB", "de"), kept in upper case. */
public final class CountryCodes {

    private static final Set<String> CODES = Set.of(Locale.getISOCountries());

    private CountryCodes() {
    }

    /** @return the two upper-case letters, or empty when it is no country code ("UK", "Germany", " GB") */
    public static Optional<String> normalize(String country) {
        // ASCII letters only: upper-casing "ıt" would otherwise make "IT".
        if (country == null || country.length() != 2 || !isAsciiLetter(country.charAt(0)) || !isAsciiLetter(country.charAt(1))) {
            return Optional.empty();
        }
        String code = country.toUpperCase(Locale.ROOT);
        return CODES.contains(code) ? Optional.of(code) : Optional.empty();
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
