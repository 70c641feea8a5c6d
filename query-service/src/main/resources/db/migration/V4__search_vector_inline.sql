-- Rechecking a match (phrases, weights) reads search_vector. Left EXTENDED, it was the column moved
-- out of line in 29 % of rows (long stories), and every such recheck cost a TOAST lookup: a bitmap
-- scan for "oil prices" touched 11,444 buffers instead of 3,401. MAIN keeps it in the row and moves
-- document and body out first. Rows written before this keep their layout until they are rewritten.
ALTER TABLE article ALTER COLUMN search_vector SET STORAGE MAIN;
