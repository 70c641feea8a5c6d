package org.newspipeline.enrich.entity;

import org.junit.jupiter.api.Test;
import org.newspipeline.contract.EnrichedArticle;
import org.newspipeline.contract.RawArticle;
import org.newspipeline.enrich.support.TestEnricher;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Names the bundled catalog knows become one entity, whichever of them an article uses. */
class CatalogNamesTest {

    @Test
    void the_pentagon_dod_and_the_us_department_of_defense_are_one_organization() {
        EnrichedArticle a = TestEnricher.get().enrich(new RawArticle(RawArticle.SCHEMA_VERSION, "id", "http", Instant.now(),
                null, null, "WASHINGTON (Reuters) - The US Department of Defense said on Monday it would review the contract. "
                + "A DoD spokesman said the Pentagon had not been told of the delay.", null, null, null, "en", null, List.of()));

        List<EnrichedArticle.Entity> defense = a.entities().stream()
                .filter(e -> e.name().equals("United States Department of Defense")).toList();
        assertEquals(1, defense.size(), a.entities().toString());
        assertEquals(3, defense.get(0).mentions().size(), defense.toString());
        assertEquals(List.of(), a.entities().stream().filter(e -> e.name().matches("DoD|Pentagon|US Department of Defense")).toList());
    }
}
