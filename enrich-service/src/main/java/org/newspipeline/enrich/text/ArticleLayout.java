package org.newspipeline.enrich.text;

import org.newspipeline.enrich.dateline.Dateline;

import java.util.List;
import java.util.Optional;

/**
 * What the text of an article is made of.
 *
 * @param titleFromLead whether the title was made from the body's first sentence (the copy had none)
 * @param closingCredit a credit line the story ended with ("Reuter"), removed from the body
 * @param photoCredits  photo credit lines removed from the body ("© Alexander Shcherbak/TASS")
 */
public record ArticleLayout(String title, boolean titleFromLead, Optional<Dateline> dateline, String body,
                            Optional<String> closingCredit, List<String> photoCredits) {

    /** The title and the body, or the body alone when the title repeats its start. */
    public String titleAndBody() {
        return title == null || titleFromLead ? body : title + "\n" + body;
    }
}
