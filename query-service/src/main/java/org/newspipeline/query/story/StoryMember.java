package org.newspipeline.query.story;

import org.newspipeline.contract.EnrichedArticle;
import org.newspipeline.contract.TextSignature;
import org.newspipeline.query.index.IndexDocument;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An article as the story matcher sees it (a row of {@code story_member}).
 *
 * @param publishedAt when something stated its publication (a feed, the request, the text, the
 *                    dateline); null when only a file's time or its arrival dates it
 * @param topEntities its most salient entities as index keys ({@code TYPE|name})
 * @param credit      the agency it credits (a dateline's {@code /TASS/}, a "(Reuters)"), or null
 */
record StoryMember(String articleId, int enrichmentVersion, Instant enrichedAt, String title, String source,
                   String language, Instant publishedAt, Instant receivedAt, List<String> topEntities,
                   int[] copyHashes, int[] wordHashes, String credit) {

    private static final Set<EnrichedArticle.Publication.DateSource> STATED = Set.of(
            EnrichedArticle.Publication.DateSource.FEED, EnrichedArticle.Publication.DateSource.REQUEST,
            EnrichedArticle.Publication.DateSource.TEXT, EnrichedArticle.Publication.DateSource.DATELINE);
    private static final Set<EnrichedArticle.Source.Evidence> CREDITED = Set.of(
            EnrichedArticle.Source.Evidence.DATELINE, EnrichedArticle.Source.Evidence.CREDIT);

    static StoryMember of(EnrichedArticle a) {
        TextSignature signature = a.textSignature();
        boolean stated = a.publishedAt() != null && a.publication() != null && STATED.contains(a.publication().source());
        EnrichedArticle.Source source = a.source() == null ? EnrichedArticle.Source.UNKNOWN : a.source();
        boolean credits = source.kind() == EnrichedArticle.Source.Kind.AGENCY && CREDITED.contains(source.evidence());
        Instant received = a.receivedAt() != null ? a.receivedAt() : a.enrichedAt() != null ? a.enrichedAt() : Instant.EPOCH;
        return new StoryMember(a.id(), a.enrichmentVersion(), a.enrichedAt(), text(a.title()), text(source.name()),
                text(a.language()), stated ? a.publishedAt() : null, received,
                IndexDocument.topEntities(a).stream().map(e -> text(IndexDocument.key(e.type().name(), e.name()))).toList(),
                signature.copyHashes(), signature.wordHashes(), credits ? text(source.name()) : null);
    }

    /** PostgreSQL's text holds no NUL. */
    private static String text(String value) {
        return value == null ? null : value.replace("\u0000", "");
    }
}
