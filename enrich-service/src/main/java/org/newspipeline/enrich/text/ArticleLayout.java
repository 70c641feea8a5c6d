package org.newspipeline.enrich.text;

import org.newspipeline.enrich.dateline.Dateline;

import java.util.List;
import java.util.Optional;

/**
 * What the text of an article is made of.
 *
 * @param closingCredit a credit line the story ended with ("Reuter"), removed from the body
 * @param photoCredits  photo credit lines removed from the body ("© Alexander Shcherbak/TASS")
 */
public record ArticleLayout(String title, Optional<Dateline> dateline, String body,
                            Optional<String> closingCredit, List<String> photoCredits) {
}
