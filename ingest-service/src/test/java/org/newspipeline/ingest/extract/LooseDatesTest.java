package org.newspipeline.ingest.extract;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The date forms feeds and pages use, in the languages and zones of the captured feeds. */
class LooseDatesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Seg, 24 Set 2018 19:42:40 -0300 | 2018-09-24T22:42:40Z",
        "Tue, 20 Jul 2021 19:00:03 EDT | 2021-07-20T23:00:03Z",
        "Wed, 31 Jan 2018 20:15:15 GMT | 2018-01-31T20:15:15Z",
        "2016-02-01T17:54:50+01:00 | 2016-02-01T16:54:50Z",
        "2016-02-01T17:54:50+0100 | 2016-02-01T16:54:50Z",
        "2016-02-01 17:54 | 2016-02-01T17:54:00Z",
        "Mo, 1. Februar 2016, 17:54 Uhr | 2016-02-01T17:54:00Z",
        "24.09.2018 | 2018-09-24T00:00:00Z",
        "24 de setembro de 2018 | 2018-09-24T00:00:00Z",
        "September 24, 2018 | 2018-09-24T00:00:00Z",
        "Publié le 3 mars 2020 à 10h15 | 2020-03-03T10:15:00Z"})
    void reads(String text, String expected) {
        assertEquals(Optional.of(Instant.parse(expected)), LooseDates.parse(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"31.02.2018", "Mon, 24 Foo 2018", "0001-01-01", "2999-01-01", "yesterday",
        "99.99.9999"})
    void leaves_what_is_no_plausible_date(String text) {
        assertEquals(Optional.empty(), LooseDates.parse(text));
    }
}
