package org.newspipeline.contract;

/**
 * Where a raw article came from. On the wire it is the string {@link RawArticle#origin()}:
 * {@code http}, {@code inbox:<file name>} or {@code feed:<feed URL>}; anything else another
 * producer writes reads as {@link Kind#OTHER}.
 */
public record ArticleOrigin(Kind kind, String detail) {

    public enum Kind { HTTP, INBOX, FEED, OTHER }

    public static final ArticleOrigin HTTP = new ArticleOrigin(Kind.HTTP, null);

    public static ArticleOrigin inbox(String fileName) {
        return new ArticleOrigin(Kind.INBOX, fileName);
    }

    public static ArticleOrigin feed(String url) {
        return new ArticleOrigin(Kind.FEED, url);
    }

    public static ArticleOrigin parse(String wire) {
        if (wire == null || wire.equals("http")) {
            return wire == null ? new ArticleOrigin(Kind.OTHER, null) : HTTP;
        }
        if (wire.startsWith("inbox:")) {
            return inbox(wire.substring("inbox:".length()));
        }
        if (wire.startsWith("feed:")) {
            return feed(wire.substring("feed:".length()));
        }
        return new ArticleOrigin(Kind.OTHER, wire);
    }

    /** The wire form. */
    @Override
    public String toString() {
        return switch (kind) {
            case HTTP -> "http";
            case INBOX -> "inbox:" + detail;
            case FEED -> "feed:" + detail;
            case OTHER -> String.valueOf(detail);
        };
    }
}
