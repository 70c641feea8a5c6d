package org.newspipeline.enrich.dateline;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.MonthDay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatelineParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            UN, September 26. /TASS/. Russian Foreign Minister              | UN                        | --09-26 | Russian
            VITEBSK DISTRICT, 16 October (BelTA) – The harvest              | VITEBSK DISTRICT          | --10-16 | The
            LOS ANGELES, Feb 26 - Shares of                                 | LOS ANGELES               | --02-26 | Shares
            JOHANNESBURG March 13 - Gold output                             | JOHANNESBURG              | --03-13 | Gold
            OAKLAND , N.J., March 2 - Diagnostic Retrieval                  | OAKLAND, N.J.             | --03-02 | Diagnostic
            CHICAGO, March  2 - Bally Manufacturing                         | CHICAGO                   | --03-02 | Bally
            MINNEAPOLIS, MINN.,March 13 - Shr profit                        | MINNEAPOLIS, MINN.        | --03-13 | Shr
            CHEVY CHASE, Md., - March 4 - Geico Corp                        | CHEVY CHASE, Md.          | --03-04 | Geico
            KANSAS CITY, Mo. - March 13 - American City                     | KANSAS CITY, Mo.          | --03-13 | American
            La paz, march 4 - about 1,000 bolivian                          | La paz                    | --03-04 | about
            ****RIO DE JANEIRO, March 5 - Brazil has                        | RIO DE JANEIRO            | --03-05 | Brazil
            NEW YORK, Narch 2 - Qtr ended                                   | NEW YORK                  | --03-02 | Qtr
            RENO, Nev., Mach 4 - Porsche Cars                               | RENO, Nev.                | --03-04 | Porsche
            FORT WAYNE, IND., Marchg 12 - Qtly div                          | FORT WAYNE, IND.          | --03-12 | Qtly
            """)
    void readsPlaceDayAndWhereTheStoryStarts(String paragraph, String place, String day, String firstWord) {
        Dateline d = DatelineParser.parse(paragraph.strip()).orElseThrow();
        assertEquals(place, d.place());
        assertEquals(MonthDay.parse(day), d.day());
        assertTrue(paragraph.strip().substring(d.end()).startsWith(firstWord), paragraph.strip().substring(d.end()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "MGE PLANNING APRIL 6 START FOR NEW CONTRACT",
            "Toyota, Honda sales 12 pct higher",
            "Pay 1 May",
            "WASHINGTON, Jury 12 - no such month"})
    void headlinesAndNearMissesAreNotDatelines(String paragraph) {
        assertTrue(DatelineParser.parse(paragraph).isEmpty(), paragraph);
    }
}
