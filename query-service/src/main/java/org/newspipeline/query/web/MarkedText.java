package org.newspipeline.query.web;

import org.newspipeline.contract.EnrichedArticle;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** An article's body cut at its entity mentions (stored offsets), for marking each by type. */
public final class MarkedText {

    /** A run of text; {@code entity} is null outside a mention. */
    public record Segment(String text, String entity, String type) {
        public String link() {
            return "/entity/" + URLEncoder.encode(entity, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }

    private record Span(int start, int end, EnrichedArticle.Entity entity) {
    }

    private MarkedText() {
    }

    public static List<Segment> of(EnrichedArticle article) {
        String body = article.body();
        List<Span> spans = new ArrayList<>();
        for (EnrichedArticle.Entity e : article.entities()) {
            for (EnrichedArticle.Mention m : e.mentions()) {
                if (m.start() >= 0 && m.end() <= body.length() && m.start() < m.end()) {
                    spans.add(new Span(m.start(), m.end(), e));
                }
            }
        }
        spans.sort(Comparator.comparingInt(Span::start).thenComparing(Comparator.comparingInt(Span::end).reversed()));
        List<Segment> segments = new ArrayList<>();
        int at = 0;
        for (Span s : spans) {
            if (s.start() < at) {
                continue; // overlaps the mention before it
            }
            if (s.start() > at) {
                segments.add(new Segment(body.substring(at, s.start()), null, null));
            }
            segments.add(new Segment(body.substring(s.start(), s.end()), s.entity().name(), s.entity().type().name()));
            at = s.end();
        }
        if (at < body.length()) {
            segments.add(new Segment(body.substring(at), null, null));
        }
        return segments;
    }
}
