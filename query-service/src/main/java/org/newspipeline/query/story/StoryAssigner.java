package org.newspipeline.query.story;

import org.newspipeline.contract.EnrichedArticle;
import org.newspipeline.contract.TextSignature;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Puts articles in copy groups and stories, in PostgreSQL, on the caller's transaction. Copies are
 * found among the articles sharing a band of the copy signature, reports of one event among those
 * sharing main entities in the time window ({@link SameEvent}). Both groupings are transitive: an
 * article that matches members of two groups joins them (the larger keeps its id; a story's other
 * id stays an alias). Every replica assigns under one PostgreSQL lock, so that the result does not
 * depend on which replica read which article. An article already assigned from the same
 * enrichment keeps its place; a newer enrichment is assigned again.
 */
public final class StoryAssigner implements AutoCloseable {

    /** The advisory lock every assignment holds until its transaction ends. */
    private static final long LOCK = 0x5708_1E5L;
    /**
     * Candidates looked at per article, at most: bounded for any text. A text with more candidate
     * copies than this has many near-identical texts (a template), and any of them finds its group.
     */
    private static final int MAX_COPY_CANDIDATES = 200;
    /** Reports of one event considered per article, at most. */
    private static final int MAX_EVENT_CANDIDATES = 500;

    private static final String EXISTING = """
            SELECT article_id, enrichment_version, enriched_at FROM story_member WHERE article_id = ANY (?)""";
    private static final String COPY_CANDIDATES = """
            SELECT article_id, copy_group, story_id, copy_hashes FROM story_member WHERE copy_bands && ?
            LIMIT %d""".formatted(MAX_COPY_CANDIDATES);
    /** Articles sharing enough main entities in the time window, then their rows (the word sketches are the bulk). */
    private static final String EVENT_CANDIDATES = """
            WITH shared AS (
                SELECT article_id FROM story_entity
                WHERE entity_key = ANY (?) AND ((published_at BETWEEN ? AND ?)
                                             OR (received_at BETWEEN ? AND ? AND (published_at IS NULL OR ?)))
                GROUP BY article_id HAVING count(*) >= %d
                LIMIT %d)
            SELECT m.article_id, m.story_id, m.language, m.published_at, m.received_at, m.top_entities, m.word_hashes
            FROM shared JOIN story_member m ON m.article_id = shared.article_id""".formatted(
            SameEvent.SHARED_ENTITIES, MAX_EVENT_CANDIDATES);
    /** The member and its main entities, in one statement (one round trip per article). */
    private static final String INSERT = """
            WITH member AS (
                INSERT INTO story_member (article_id, story_id, copy_group, enrichment_version, enriched_at, title,
                                          source_name, language, published_at, received_at, top_entities,
                                          copy_hashes, copy_bands, word_hashes, credit)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                RETURNING article_id, published_at, received_at, top_entities)
            INSERT INTO story_entity (entity_key, article_id, published_at, received_at)
            SELECT DISTINCT e.key, member.article_id, member.published_at, member.received_at
            FROM member, unnest(member.top_entities) AS e(key)""";

    private final Connection c;
    /** The batch's articles placed, kept up to date as the batch goes: enrichment version and time. */
    private final Map<String, Placed> placed;
    // Prepared once per batch: PostgreSQL plans each once, not once per article.
    private final PreparedStatement copyCandidates;
    private final PreparedStatement eventCandidates;
    private final PreparedStatement insert;
    private final PreparedStatement delete;
    private final PreparedStatement unalias;

    /** An enrichment an article was placed from; one without a time is older than any with one. */
    private record Placed(int enrichmentVersion, Instant enrichedAt) {

        static Placed of(int enrichmentVersion, Instant enrichedAt) {
            return new Placed(enrichmentVersion, enrichedAt == null ? Instant.MIN : enrichedAt);
        }

        boolean atLeast(Placed other) {
            return enrichmentVersion > other.enrichmentVersion
                    || (enrichmentVersion == other.enrichmentVersion && !enrichedAt.isBefore(other.enrichedAt));
        }
    }

    private StoryAssigner(Connection c, Map<String, Placed> placed) throws SQLException {
        this.c = c;
        this.placed = placed;
        this.copyCandidates = c.prepareStatement(COPY_CANDIDATES);
        this.eventCandidates = c.prepareStatement(EVENT_CANDIDATES);
        this.insert = c.prepareStatement(INSERT);
        this.delete = c.prepareStatement("DELETE FROM story_member WHERE article_id = ?");
        this.unalias = c.prepareStatement("DELETE FROM story_alias WHERE alias = ?");
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement s : List.of(copyCandidates, eventCandidates, insert, delete, unalias)) {
            s.close();
        }
    }

    /**
     * What a batch did: each article's place, the groups it joined (for the search index), and the
     * articles placed for the first time (new, not a replay or a re-enrichment), in batch order.
     */
    public record Assigned(Map<String, StoryAssignment> places, List<StoryMerge> merges, List<String> firsts) {
    }

    /**
     * Assigns a batch in order (a later article sees the earlier ones) and removes deleted articles.
     *
     * @param articles   the articles to place
     * @param deletedIds articles deleted (tombstones)
     */
    public static Assigned assign(Connection c, List<EnrichedArticle> articles, Collection<String> deletedIds) {
        try {
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, LOCK);
                lock.execute();
            }
            try (Statement s = c.createStatement()) {
                // PostgreSQL has no statistics for values that are all distinct (the band keys): it takes
                // an overlap with 42 of them for a fifth of the table and, with a LIMIT, scans it whole.
                // Every lookup here has an index that finds its few rows.
                s.execute("SET LOCAL enable_seqscan = off");
            }
            List<String> ids = articles.stream().map(EnrichedArticle::id).distinct().toList();
            Map<String, Placed> placed = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(EXISTING)) {
                s.setArray(1, c.createArrayOf("text", ids.toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        placed.put(rs.getString(1), Placed.of(rs.getInt(2), instant(rs.getTimestamp(3))));
                    }
                }
            }
            List<StoryMerge> merges = new ArrayList<>();
            try (StoryAssigner assigner = new StoryAssigner(c, new HashMap<>(placed))) {
                for (String id : deletedIds) {
                    assigner.delete(id);
                }
                for (EnrichedArticle a : articles) {
                    assigner.assign(StoryMember.of(a), merges);
                }
            }
            return new Assigned(places(c, ids), merges, ids.stream().filter(id -> !placed.containsKey(id)).toList());
        } catch (SQLException e) {
            throw new StoryStoreException(e);
        }
    }

    /** Where these articles are now; an article never assigned is alone. */
    public static Map<String, StoryAssignment> places(Connection c, List<String> ids) throws SQLException {
        Map<String, StoryAssignment> places = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT article_id, story_id, copy_group FROM story_member WHERE article_id = ANY (?)")) {
            s.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    places.put(rs.getString(1), new StoryAssignment(rs.getString(2), rs.getString(3)));
                }
            }
        }
        ids.forEach(id -> places.putIfAbsent(id, StoryAssignment.alone(id)));
        return places;
    }

    private void assign(StoryMember m, List<StoryMerge> merges) throws SQLException {
        if (placedAlready(m)) {
            return;
        }
        Array bands = c.createArrayOf("bigint", Arrays.stream(TextSignature.bandKeys(m.copyHashes())).boxed().toArray());
        Array entities = c.createArrayOf("text", m.topEntities().toArray());
        Set<String> copyGroups = new TreeSet<>();
        Set<String> stories = new TreeSet<>();
        copyCandidates.setArray(1, bands);
        try (ResultSet rs = copyCandidates.executeQuery()) {
            while (rs.next()) {
                if (TextSignature.sameText(m.copyHashes(), ints(rs.getArray(4)))) {
                    copyGroups.add(rs.getString(2));
                    stories.add(rs.getString(3));
                }
            }
        }
        if (m.topEntities().size() >= SameEvent.SHARED_ENTITIES) {
            stories.addAll(sameEvent(m, entities));
        }
        String copyGroup = join("copy_group", copyGroups, m.articleId(), merges);
        String story = join("story_id", stories, m.articleId(), merges);
        if (story.equals(m.articleId())) {
            // A story begun again under an id that was merged away: the id names it again, not the other.
            unalias.setString(1, story);
            unalias.executeUpdate();
        }
        insert(m, story, copyGroup, bands, entities);
    }

    /**
     * Whether the article is placed from this enrichment (a replay) or a newer one; an older
     * placement is removed, to be made again.
     */
    private boolean placedAlready(StoryMember m) throws SQLException {
        Placed before = placed.get(m.articleId());
        if (before == null) {
            return false;
        }
        if (before.atLeast(Placed.of(m.enrichmentVersion(), m.enrichedAt()))) {
            return true;
        }
        delete(m.articleId());
        return false;
    }

    private void insert(StoryMember m, String story, String copyGroup, Array bands, Array entities) throws SQLException {
        insert.setString(1, m.articleId());
        insert.setString(2, story);
        insert.setString(3, copyGroup);
        insert.setInt(4, m.enrichmentVersion());
        insert.setTimestamp(5, timestamp(m.enrichedAt()));
        insert.setString(6, m.title());
        insert.setString(7, m.source());
        insert.setString(8, m.language());
        insert.setTimestamp(9, timestamp(m.publishedAt()));
        insert.setTimestamp(10, timestamp(m.receivedAt()));
        insert.setArray(11, entities);
        insert.setArray(12, c.createArrayOf("integer", Arrays.stream(m.copyHashes()).boxed().toArray()));
        insert.setArray(13, bands);
        insert.setArray(14, c.createArrayOf("integer", Arrays.stream(m.wordHashes()).boxed().toArray()));
        insert.setString(15, m.credit());
        insert.executeUpdate();
        placed.put(m.articleId(), Placed.of(m.enrichmentVersion(), m.enrichedAt()));
    }

    /** The stories of the candidates that report the same event. */
    private Set<String> sameEvent(StoryMember m, Array entities) throws SQLException {
        Set<String> stories = new TreeSet<>();
        PreparedStatement s = eventCandidates;
        s.setArray(1, entities);
        Instant stated = m.publishedAt();
        // An article with a stated time meets others by it; one without (or another without) by arrival.
        s.setTimestamp(2, stated == null ? null : timestamp(stated.minus(SameEvent.WINDOW)));
        s.setTimestamp(3, stated == null ? null : timestamp(stated.plus(SameEvent.WINDOW)));
        s.setTimestamp(4, timestamp(m.receivedAt().minus(SameEvent.WINDOW)));
        s.setTimestamp(5, timestamp(m.receivedAt().plus(SameEvent.WINDOW)));
        s.setBoolean(6, stated == null);
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                StoryMember other = new StoryMember(rs.getString(1), 0, null, null, null, rs.getString(3),
                        instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)),
                        List.of((String[]) rs.getArray(6).getArray()), null, ints(rs.getArray(7)), null);
                if (SameEvent.of(m, other)) {
                    stories.add(rs.getString(2));
                }
            }
        }
        return stories;
    }

    /**
     * The group the article joins: its own when it matched none, the one it matched, or, when it
     * matched several, the largest of them (fewest articles to move; ties by id), the others merged in.
     */
    private String join(String field, Set<String> groups, String own, List<StoryMerge> merges)
            throws SQLException {
        if (groups.isEmpty()) {
            return own;
        }
        if (groups.size() == 1) {
            return groups.iterator().next();
        }
        Map<String, Long> sizes = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + field + ", count(*) FROM story_member WHERE "
                + field + " = ANY (?) GROUP BY " + field)) {
            s.setArray(1, c.createArrayOf("text", groups.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    sizes.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        String into = groups.stream().max((a, b) -> sizes.getOrDefault(a, 0L).equals(sizes.getOrDefault(b, 0L))
                ? b.compareTo(a) : Long.compare(sizes.getOrDefault(a, 0L), sizes.getOrDefault(b, 0L))).orElseThrow();
        List<String> from = new ArrayList<>(new LinkedHashSet<>(groups));
        from.remove(into);
        Array merged = c.createArrayOf("text", from.toArray());
        try (PreparedStatement s = c.prepareStatement("UPDATE story_member SET " + field + " = ? WHERE " + field + " = ANY (?)")) {
            s.setString(1, into);
            s.setArray(2, merged);
            s.executeUpdate();
        }
        if (field.equals("story_id")) {
            try (PreparedStatement repoint = c.prepareStatement("UPDATE story_alias SET story_id = ? WHERE story_id = ANY (?)");
                 PreparedStatement alias = c.prepareStatement("""
                         INSERT INTO story_alias (alias, story_id) SELECT unnest(?), CAST(? AS text)
                         ON CONFLICT (alias) DO UPDATE SET story_id = EXCLUDED.story_id""")) {
                repoint.setString(1, into);
                repoint.setArray(2, merged);
                repoint.executeUpdate();
                alias.setArray(1, merged);
                alias.setString(2, into);
                alias.executeUpdate();
            }
        }
        merges.add(new StoryMerge(field, from, into));
        return into;
    }

    private void delete(String id) throws SQLException {
        delete.setString(1, id);
        delete.executeUpdate();
        placed.remove(id);
    }

    private static int[] ints(Array array) throws SQLException {
        Integer[] values = (Integer[]) array.getArray();
        return Arrays.stream(values).mapToInt(Integer::intValue).toArray();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
