package org.newspipeline.edge;

import jakarta.ws.rs.BadRequestException;

/**
 * Numbers in query parameters, read by us: the framework answers a parameter it cannot convert
 * with 404, which tells the caller nothing about the parameter.
 */
public final class QueryParams {

    private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("[0-9]{1,9}");

    private QueryParams() {
    }

    /** @throws BadRequestException (a 400 problem naming the parameter) for anything but a whole number from 1 to max */
    public static int count(String name, String value, int absent, int max) {
        if (value == null || value.isEmpty()) {
            return absent;
        }
        // ASCII digits only: Integer.parseInt would also take "+5" and full-width digits.
        if (DIGITS.matcher(value).matches()) {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= max) {
                return n;
            }
        }
        throw new BadRequestException("'" + name + "' must be a whole number from 1 to " + max);
    }
}
