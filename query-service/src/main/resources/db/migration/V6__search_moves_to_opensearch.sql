-- Search is answered by OpenSearch (query-service's index package): nothing reads the text vector
-- any more, and keeping it cost every write a tsvector and a GIN index update.
DROP INDEX IF EXISTS article_search_idx;
ALTER TABLE article DROP COLUMN IF EXISTS search_vector;
