-- Every article as it became searchable, in that order: live streams resume from it (the SSE
-- Last-Event-ID is a seq) and saved searches deliver from it. The indexer appends under the stories'
-- advisory lock, so seq order is commit order: a reader that saw seq n has seen every seq below n.
CREATE TABLE article_event (
    seq        bigserial PRIMARY KEY,
    article_id text        NOT NULL,
    -- the appending transaction's start: in seq order only because appends are serialized by that lock
    at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX article_event_at_idx ON article_event (at);
-- How far pruning went: a saved search behind it has missed what it cannot deliver any more.
CREATE TABLE article_event_horizon (
    single         boolean PRIMARY KEY DEFAULT true CHECK (single),
    pruned_through bigint  NOT NULL
);
INSERT INTO article_event_horizon (pruned_through) VALUES (0);

-- Saved searches and the state of their webhook delivery. One replica delivers a search at a time,
-- holding its lease (renewed after each post), so deliveries go out in seq order.
CREATE TABLE saved_search (
    id               uuid PRIMARY KEY,
    -- SHA-256 (hex) of the API key that made it; '' when the service runs without keys
    owner            text        NOT NULL,
    name             text        NOT NULL,
    -- the search's parameters, as GET /articles takes them
    search           jsonb       NOT NULL,
    webhook_url      text,
    -- the HMAC key of its signatures (Standard Webhooks: whsec_ and base64)
    secret           text        NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    -- the last article_event looked at for delivery: everything up to it was delivered or did not match
    delivered_seq    bigint      NOT NULL,
    delivered        bigint      NOT NULL DEFAULT 0,
    failures         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    last_delivery_at timestamptz,
    last_error       text,
    paused_reason    text,
    -- the delivery round holding the search, and until when (a killed replica's lease runs out)
    lease            uuid,
    leased_until     timestamptz
);
CREATE INDEX saved_search_owner_idx ON saved_search (owner, created_at);
CREATE INDEX saved_search_due_idx ON saved_search (next_attempt_at) WHERE paused_reason IS NULL AND webhook_url IS NOT NULL;

-- With collapse=story a search delivers the first matching article of each story only.
CREATE TABLE saved_search_story (
    search_id uuid NOT NULL REFERENCES saved_search (id) ON DELETE CASCADE,
    story_id  text NOT NULL,
    PRIMARY KEY (search_id, story_id)
);
