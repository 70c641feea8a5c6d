package org.newspipeline.enrich.dateline;

import java.time.MonthDay;
import java.util.Optional;

/**
 * The place-and-date line a wire story opens with.
 *
 * @param raw    the dateline as written, e.g. "MOSCOW, May 26. /TASS/."
 * @param place  "MOSCOW"
 * @param day    the day it states, without a year
 * @param credit the agency named in it ("TASS", "BelTA"), if any
 * @param end    where the story text starts after it
 */
public record Dateline(String raw, String place, MonthDay day, Optional<String> credit, int end) {
}
