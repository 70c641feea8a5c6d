-- Articles as enrich-service published them, plus a weighted search vector.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- unaccent() is only STABLE (it reads a dictionary); this wrapper names the dictionary so that
-- PostgreSQL may use it in indexes and generated values.
CREATE FUNCTION immutable_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

CREATE TABLE article (
    id                 text PRIMARY KEY,
    enrichment_version integer     NOT NULL,
    title              text,
    body               text        NOT NULL,
    url                text,
    source_name        text,
    source_kind        text,
    language           text,
    dateline_place     text,
    published_at       timestamptz,
    received_at        timestamptz,
    document           jsonb       NOT NULL,
    -- title (A) > entity names (B) > body (C); filled by the upsert in ArticleStore
    search_vector      tsvector    NOT NULL,
    stored_at          timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX article_search_idx ON article USING gin (search_vector);
CREATE INDEX article_published_idx ON article (published_at DESC NULLS LAST, id);
CREATE INDEX article_source_idx ON article (source_name);
