package org.newspipeline.query.story;

import org.newspipeline.contract.TextSignature;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * Whether two articles that are not copies of one text report one event: close in time, naming
 * the same main actors, and (in one language) using much the same words. Across languages the
 * words cannot agree, so the entities (canonical names, the same in every language) must agree
 * more closely.
 */
final class SameEvent {

    /** Reports of one event lie this close in time (publication times when both state one, else arrival times). */
    static final Duration WINDOW = Duration.ofDays(3);
    /** Main entities two reports must share. */
    static final int SHARED_ENTITIES = 3;
    /** Content words two reports in one language share, at least (estimated from their sketches). */
    static final double SHARED_WORDS = 0.12;
    /** Main entities two reports in different languages share, as a share of all their main entities. */
    static final double SHARED_ENTITIES_ACROSS_LANGUAGES = 0.5;

    private SameEvent() {
    }

    static boolean of(StoryMember a, StoryMember b) {
        if (!close(a, b)) {
            return false;
        }
        Set<String> shared = new HashSet<>(a.topEntities());
        shared.retainAll(b.topEntities());
        if (shared.size() < SHARED_ENTITIES) {
            return false;
        }
        if (a.language() != null && a.language().equals(b.language())) {
            return TextSignature.wordSimilarity(a.wordHashes(), b.wordHashes()) >= SHARED_WORDS;
        }
        Set<String> all = new HashSet<>(a.topEntities());
        all.addAll(b.topEntities());
        return shared.size() >= SHARED_ENTITIES_ACROSS_LANGUAGES * all.size();
    }

    static boolean close(StoryMember a, StoryMember b) {
        boolean stated = a.publishedAt() != null && b.publishedAt() != null;
        return within(stated ? a.publishedAt() : a.receivedAt(), stated ? b.publishedAt() : b.receivedAt());
    }

    private static boolean within(Instant a, Instant b) {
        return Duration.between(a, b).abs().compareTo(WINDOW) <= 0;
    }
}
