package org.newspipeline.query.story;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One story from PostgreSQL: its articles with outlets, the first report, copy groups, timeline and entities. */
@ApplicationScoped
public class StoryDetails {

    /** A story lists at most this many articles (the earliest); {@code articles} counts them all. */
    static final int MAX_ARTICLES = 1_000;
    private static final int TOP_ENTITIES = 10;

    private static final String MEMBERS = """
            SELECT article_id, copy_group, title, source_name, language, coalesce(published_at, received_at) AS at,
                   published_at IS NOT NULL AS stated, credit, top_entities
            FROM story_member WHERE story_id = ?
            ORDER BY at, article_id LIMIT""" + " " + MAX_ARTICLES;

    /** Counted over the whole story, however long the list of its articles is cut. */
    private static final String WHOLE = """
            SELECT count(*), count(DISTINCT source_name), max(coalesce(published_at, received_at))
            FROM story_member WHERE story_id = ?""";
    private static final String DAYS = """
            SELECT to_char(coalesce(published_at, received_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, count(*)
            FROM story_member WHERE story_id = ? GROUP BY day ORDER BY day""";

    /** @param at its publication time, or its arrival when nothing stated one ({@code stated} false) */
    public record Article(String id, String title, String source, String language, Instant at, boolean stated,
                          String credits) {
    }

    /** Copies of one text: the earliest is the original; {@code credits} the agencies the copies name. */
    public record CopyGroup(String id, String original, List<String> copies, List<String> credits) {
    }

    public record Day(String day, long articles) {
    }

    /**
     * @param id      the story's id (a merged story's old id leads here)
     * @param sources the outlets of the articles listed ({@code outlets} counts them all)
     */
    public record Story(String id, String label, long articles, long outlets, Instant first, Instant last,
                        Article firstReport, List<String> sources, List<String> entities, List<CopyGroup> copyGroups,
                        List<Day> timeline, List<Article> items) {
    }

    private final AgroalDataSource db;

    public StoryDetails(AgroalDataSource db) {
        this.db = db;
    }

    public Optional<Story> byId(String id) {
        try (Connection c = db.getConnection()) {
            String story = resolve(c, id);
            long total;
            long outlets;
            Instant last;
            try (PreparedStatement s = c.prepareStatement(WHOLE)) {
                s.setString(1, story);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                    outlets = rs.getLong(2);
                    last = total == 0 ? null : rs.getTimestamp(3).toInstant();
                }
            }
            if (total == 0) {
                return Optional.empty();
            }
            List<Day> timeline = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(DAYS)) {
                s.setString(1, story);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        timeline.add(new Day(rs.getString(1), rs.getLong(2)));
                    }
                }
            }
            List<Article> items = new ArrayList<>();
            Map<String, List<Article>> copies = new LinkedHashMap<>();
            Map<String, Integer> entityCounts = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(MEMBERS)) {
                s.setString(1, story);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Article a = new Article(rs.getString(1), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getTimestamp(6).toInstant(), rs.getBoolean(7), rs.getString(8));
                        items.add(a);
                        copies.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(a);
                        for (String key : (String[]) rs.getArray(9).getArray()) {
                            entityCounts.merge(key.substring(key.indexOf('|') + 1), 1, Integer::sum);
                        }
                    }
                }
            }
            List<CopyGroup> groups = copies.entrySet().stream().map(e -> new CopyGroup(e.getKey(),
                    e.getValue().get(0).id(), e.getValue().stream().skip(1).map(Article::id).toList(),
                    e.getValue().stream().map(Article::credits).filter(x -> x != null).distinct().toList())).toList();
            List<String> sources = items.stream().map(Article::source).filter(x -> x != null).distinct().toList();
            List<String> entities = entityCounts.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(TOP_ENTITIES).map(Map.Entry::getKey).toList();
            Article first = items.get(0);
            return Optional.of(new Story(story, first.title(), total, outlets, first.at(), last, first, sources,
                    entities, groups, timeline, items));
        } catch (SQLException e) {
            throw new StoryStoreException(e);
        }
    }

    /** The story an id names now: itself, or the story it was merged into. */
    private static String resolve(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT story_id FROM story_alias WHERE alias = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : id;
            }
        }
    }
}
