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
-- Without a pending list: each assignment pays its own small insert, none pays for merging a
-- long list (or for reading one in every lookup).
CREATE INDEX story_member_bands_idx ON story_member USING gin (copy_bands) WITH (fastupdate = off);

-- Each article's main entities with its times: the reports of an event are found by entity and
-- time window, at a cost that grows with what the window holds, not with how common the entity is.
CREATE TABLE story_entity (
    entity_key   text        NOT NULL,
    article_id   text        NOT NULL REFERENCES story_member ON DELETE CASCADE,
    published_at timestamptz,
    received_at  timestamptz NOT NULL
);
CREATE INDEX story_entity_published_idx ON story_entity (entity_key, published_at) WHERE published_at IS NOT NULL;
CREATE INDEX story_entity_received_idx ON story_entity (entity_key, received_at);
CREATE INDEX story_entity_article_idx ON story_entity (article_id);

-- A story merged into another answers under its old id too.
CREATE TABLE story_alias (
    alias    text PRIMARY KEY,
    story_id text NOT NULL
);
CREATE INDEX story_alias_story_idx ON story_alias (story_id);
