package org.newspipeline.enrich.source;

import org.newspipeline.contract.EnrichedArticle.Source.Kind;

import java.util.List;

/**
 * One entry of the source registry ({@code sources.json}).
 *
 * @param closingCredits lines a story of this source ends with ("Reuter")
 * @param markers        regular expressions whose match in the text names this source
 */
public record KnownSource(String name, Kind kind, List<String> aliases, List<String> hosts,
                          List<String> closingCredits, List<String> markers) {

    public KnownSource {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
        closingCredits = closingCredits == null ? List.of() : List.copyOf(closingCredits);
        markers = markers == null ? List.of() : List.copyOf(markers);
    }
}
