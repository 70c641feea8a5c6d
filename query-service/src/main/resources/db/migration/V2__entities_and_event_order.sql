-- Canonical entities, their aliases (the canonical name included), and who is mentioned where.
CREATE TABLE entity (
    id           bigserial PRIMARY KEY,
    name         text NOT NULL,
    type         text NOT NULL,
    country_code text,
    UNIQUE (name, type)
);

CREATE TABLE entity_alias (
    entity_id bigint NOT NULL REFERENCES entity ON DELETE CASCADE,
    alias     text   NOT NULL,
    PRIMARY KEY (entity_id, alias)
);
-- Exact alias lookups ("CSTO") and prefix / fuzzy autocomplete, accent- and case-blind.
CREATE INDEX entity_alias_key_idx ON entity_alias (immutable_unaccent(lower(alias)) text_pattern_ops);
CREATE INDEX entity_alias_trgm_idx ON entity_alias USING gin (immutable_unaccent(lower(alias)) gin_trgm_ops);

CREATE TABLE article_entity (
    article_id text    NOT NULL REFERENCES article ON DELETE CASCADE,
    entity_id  bigint  NOT NULL REFERENCES entity ON DELETE CASCADE,
    mentions   integer NOT NULL,
    salience   real    NOT NULL,
    PRIMARY KEY (article_id, entity_id)
);
CREATE INDEX article_entity_entity_idx ON article_entity (entity_id, article_id);

-- Of two records with the same enrichment version, the one enriched later wins.
ALTER TABLE article ADD COLUMN enriched_at timestamptz;
CREATE INDEX article_language_idx ON article (language);
