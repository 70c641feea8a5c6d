-- Stories: copies of one text share a copy group; reports of one event share a story. Each
-- article's row holds what deciding takes (its sketches, entities, times), so that assigning a new
-- article reads only candidates. Story and copy-group ids are the ids of the articles that began them.
CREATE TABLE story_member (
    article_id         text PRIMARY KEY,
    story_id           text        NOT NULL,
    copy_group         text        NOT NULL,
    enrichment_version integer     NOT NULL,
    enriched_at        timestamptz,
    title              text,
    source_name        text,
    language           text,
    -- the publication time when something stated it (not the file's or the arrival's time)
    published_at       timestamptz,
    received_at        timestamptz NOT NULL,
    top_entities       text[]      NOT NULL,
    copy_hashes        integer[]   NOT NULL,
    -- the keys of its copy signature's bands: articles sharing one are candidate copies
    copy_bands         bigint[]    NOT NULL,
    word_hashes        integer[]   NOT NULL,
    -- the agency a copy credits (a dateline's /TASS/, a "(Reuters)")
    credit             text
);
CREATE INDEX story_member_story_idx ON story_member (story_id);
CREATE INDEX story_member_copy_idx ON story_member (copy_group);
CREATE INDEX story_member_published_idx ON story_member (published_at) WHERE published_at IS NOT NULL;
CREATE INDEX story_member_received_idx ON story_member (received_at);
-- Without a pending list: each assignment pays its own small insert, none pays for merging a
-- long list (or for reading one in every lookup).
CREATE INDEX story_member_bands_idx ON story_member USING gin (copy_bands) WITH (fastupdate = off);
CREATE INDEX story_member_entities_idx ON story_member USING gin (top_entities) WITH (fastupdate = off);

-- A story merged into another answers under its old id too.
CREATE TABLE story_alias (
    alias    text PRIMARY KEY,
    story_id text NOT NULL
);
