package org.newspipeline.query.search;

/**
 * A timeline bucket as a share of all coverage.
 *
 * @param count matches in the bucket
 * @param all   every stored article in the bucket
 * @param share count / all (0 for an empty bucket)
 */
public record Share(String value, long count, long all, double share) {
}
