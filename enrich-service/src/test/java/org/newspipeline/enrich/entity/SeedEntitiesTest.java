package org.newspipeline.enrich.entity;

import org.junit.jupiter.api.Test;
import org.newspipeline.contract.EnrichedArticle;
import org.newspipeline.contract.EnrichedArticle.Entity;
import org.newspipeline.contract.EnrichedArticle.Entity.Type;
import org.newspipeline.contract.RawArticle;
import org.newspipeline.enrich.support.TestEnricher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The merges the issue asks for, on the five seed articles. */
class SeedEntitiesTest {

    static EnrichedArticle enrich(String seed) throws IOException {
        String text = Files.readString(Path.of("../seeds").resolve(seed));
        return TestEnricher.get().enrich(new RawArticle(RawArticle.SCHEMA_VERSION, "id", "inbox:" + seed, Instant.now(),
                null, null, text, null, null, null, null, null, List.of()));
    }

    static Optional<Entity> find(EnrichedArticle a, String nameOrAlias) {
        return a.entities().stream().filter(e -> e.name().equals(nameOrAlias) || e.aliases().contains(nameOrAlias)).findFirst();
    }

    static Entity entity(EnrichedArticle a, String nameOrAlias) {
        return find(a, nameOrAlias).orElseThrow(() -> new AssertionError(nameOrAlias + " not among " +
                a.entities().stream().map(Entity::name).toList()));
    }

    @Test
    void headlines_are_no_entities_and_named_bodies_stay_distinct() throws IOException {
        EnrichedArticle un = enrich("004_496a0281fb3336ea.txt");
        List<String> names = un.entities().stream().map(Entity::name).toList();
        for (String headline : List.of("Collective Security Treaty Organization Head Briefs",
                "Delegates Discuss Common Action for Resolving Conflicts", "More United Nations",
                "Treaty Organization and United Nations")) {
            assertFalse(names.contains(headline), headline + " among " + names);
        }
        assertEquals("United Nations Security Council", entity(un, "Security Council").name(),
                "the Council is a body of its own, not the United Nations");
        assertFalse(names.contains("Member States of the Organization"));
        for (String seed : List.of("000_73229fc4cff88dac.txt", "001_ebae6af5a4e7e56e.txt", "002_cbbd704be0d123c1.txt",
                "003_05f640fa5dd925e6.txt", "004_496a0281fb3336ea.txt")) {
            EnrichedArticle a = enrich(seed);
            assertTrue(a.entities().stream().filter(e -> e.name().contains("Lavrov")).count() <= 1, seed);
            assertTrue(a.entities().stream().filter(e -> e.name().equals("Collective Security Treaty Organization")
                    || e.aliases().contains("CSTO")).count() <= 1, seed);
        }
    }

    @Test
    void common_nouns_numbered_parts_and_exercise_names_are_no_entities() throws IOException {
        for (String seed : List.of("001_ebae6af5a4e7e56e.txt", "002_cbbd704be0d123c1.txt", "004_496a0281fb3336ea.txt")) {
            List<String> names = enrich(seed).entities().stream().map(Entity::name).toList();
            for (String junk : List.of("States", "Member States of the Organization", "Chapter VIII", "Nerushimoye Bratstvo",
                    "Indestructible Brotherhood")) {
                assertFalse(names.contains(junk), junk + " in " + seed + ": " + names);
            }
        }
        EnrichedArticle un = enrich("004_496a0281fb3336ea.txt");
        assertEquals(Type.LOCATION, entity(un, "United States").type());
        assertEquals(Type.ORGANIZATION, entity(enrich("001_ebae6af5a4e7e56e.txt"), "CSTO Joint Staff").type());
        assertEquals(Type.ORGANIZATION, entity(enrich("002_cbbd704be0d123c1.txt"), "CSTO Secretariat").type());
    }

    @Test
    void a_line_that_lists_names_is_no_headline() {
        EnrichedArticle a = TestEnricher.get().enrich(new RawArticle(RawArticle.SCHEMA_VERSION, "id", "http", Instant.now(),
                null, null, """
                RUGBY UNION - ITALY NAME SQUAD FOR TEST .
                ROME 1996-08-30
                Italy named their squad on Friday for the test against Wales .
                Squad : Javier Pertile , Paolo Vaccari , Marcello Cuttitta , Ivan Francescato , Diego Dominguez
                Collective Security Treaty Organization Head Briefs Delegates""", null, null, null, null, null, List.of()));
        List<String> names = a.entities().stream().map(Entity::name).toList();
        for (String player : List.of("Javier Pertile", "Paolo Vaccari", "Marcello Cuttitta", "Ivan Francescato")) {
            assertTrue(names.contains(player), player + " among " + names);
        }
        assertFalse(names.stream().anyMatch(n -> n.contains("Briefs")), names.toString());
    }

    @Test
    void acronym_and_expansion_are_one_organization() throws IOException {
        EnrichedArticle belta = enrich("001_ebae6af5a4e7e56e.txt");
        Entity csto = entity(belta, "CSTO");

        assertEquals("Collective Security Treaty Organization", csto.name());
        assertEquals(Type.ORGANIZATION, csto.type());
        assertTrue(csto.mentions().stream().anyMatch(m -> m.text().equals("CSTO")));
        assertTrue(csto.mentions().stream().anyMatch(m -> m.text().equals("Collective Security Treaty Organization")));
        assertEquals("United Nations", entity(belta, "United Nations Organization").name());
        EnrichedArticle un = enrich("004_496a0281fb3336ea.txt");
        Entity treaty = entity(un, "Treaty Organization");
        assertEquals("Collective Security Treaty Organization", treaty.name());
        assertTrue(treaty.mentions().stream().anyMatch(m -> m.text().equals("Treaty Organization")));
        for (String seed : List.of("000_73229fc4cff88dac.txt", "002_cbbd704be0d123c1.txt", "003_05f640fa5dd925e6.txt")) {
            assertEquals("Collective Security Treaty Organization", entity(enrich(seed), "CSTO").name(), seed);
        }
        assertEquals("North Atlantic Treaty Organization", entity(un, "NATO").name());
    }

    @Test
    void people_are_found_and_merged_across_spellings() throws IOException {
        EnrichedArticle tass2018 = enrich("000_73229fc4cff88dac.txt");
        EnrichedArticle tass2020 = enrich("003_05f640fa5dd925e6.txt");
        Entity sergei = entity(tass2018, "Sergei Lavrov");
        Entity sergey = entity(tass2020, "Sergey Lavrov");

        assertEquals(sergei.name(), sergey.name(), "two spellings, one canonical name");
        assertTrue(sergei.mentions().stream().anyMatch(m -> m.text().equals("Lavrov")), "the surname alone is merged");
        assertEquals(Type.PERSON, sergei.type());
        assertEquals("Stanislav Zas", entity(enrich("001_ebae6af5a4e7e56e.txt"), "Zas").name());
        assertEquals("Stanislav Zas", entity(enrich("004_496a0281fb3336ea.txt"), "Stanislav Zas").name());
        assertEquals(Type.PERSON, entity(enrich("004_496a0281fb3336ea.txt"), "António Guterres").type());
        EnrichedArticle mission = enrich("002_cbbd704be0d123c1.txt");
        assertEquals(Type.PERSON, entity(mission, "Valentin Rybakov").type());
        assertEquals(Type.PERSON, entity(mission, "Aleksandr Lukashenko").type());
    }

    @Test
    void csto_member_states_are_locations_with_their_codes() throws IOException {
        EnrichedArticle a = enrich("004_496a0281fb3336ea.txt");
        Map<String, String> members = Map.of("Armenia", "AM", "Belarus", "BY", "Kazakhstan", "KZ", "Kyrgyzstan", "KG",
                "Russia", "RU", "Tajikistan", "TJ");
        members.forEach((country, code) -> {
            Entity e = entity(a, country);
            assertEquals(Type.LOCATION, e.type(), country);
            assertEquals(code, e.countryCode(), country);
        });
        assertEquals("Russia", entity(a, "Russian Federation").name());
    }

    @Test
    void never_entities_and_offsets_into_the_body() throws IOException {
        for (String seed : List.of("000_73229fc4cff88dac.txt", "002_cbbd704be0d123c1.txt", "004_496a0281fb3336ea.txt")) {
            EnrichedArticle a = enrich(seed);
            for (Entity e : a.entities()) {
                assertFalse(List.of("Personal Subjects", "Asset ID", "Parent ID", "He", "TASS").contains(e.name()), e.name());
                assertFalse(e.name().contains("Shcherbak"), "photo credit merged into " + e.name());
                for (var m : e.mentions()) {
                    assertEquals(m.text(), a.body().substring(m.start(), m.end()), seed + ": " + m);
                }
                assertTrue(e.salience() > 0 && e.salience() <= 1, e.toString());
            }
        }
    }

    @Test
    void a_user_file_extends_the_catalog_without_a_rebuild(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path file = dir.resolve("extra.json");
        Files.writeString(file, """
                {"entities": [{"name": "Permanent Mission of Belarus to the UN", "type": "ORGANIZATION",
                               "aliases": ["Permanent Representative of Belarus"]}]}""");
        EntityCatalog catalog = EntityCatalog.load(Optional.of(file));

        assertEquals("Permanent Mission of Belarus to the UN",
                catalog.byAlias("Permanent Representative of Belarus").orElseThrow().name());
        assertEquals("United Nations", catalog.byAlias("UN").orElseThrow().name(), "the bundled entries stay");
    }
}
