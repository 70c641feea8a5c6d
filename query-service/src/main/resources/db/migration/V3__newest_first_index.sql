-- Search windows and date pages read ORDER BY published_at DESC, id DESC: this index read backwards.
-- (V1's index sorted DESC NULLS LAST, id ASC, an order no query asks for, so the planner sorted every match.)
DROP INDEX article_published_idx;
CREATE INDEX article_newest_idx ON article (published_at, id);
