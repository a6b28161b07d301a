-- Moves the content of files stored whole (bytea in stored_files.content) into 256 KB chunks (FILE_CHUNK_BYTES).
INSERT INTO "stored_file_chunks" ("file_id", "seq", "bytes")
SELECT f."id", s.seq, substring(f."content" FROM s.seq * 262144 + 1 FOR 262144)
FROM "stored_files" f
CROSS JOIN LATERAL generate_series(0, greatest(0, (length(f."content") - 1) / 262144)) AS s(seq)
WHERE f."content" IS NOT NULL;
