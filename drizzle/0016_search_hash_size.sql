-- F5 search index (0006): FTS5 writes its pending tokens out as a new segment whenever they
-- pass this many bytes (default 1 MiB) and merges segments as they pile up. Filling a
-- million orders in 1 MiB segments merges the same data over and over; with 64 MiB the fill
-- of a demo seed, a first sync or a large import writes a few large segments instead
-- (1,000,000 orders: 8–10 s instead of 30 s). The memory is used only while one statement
-- fills many orders; a day's single edits flush at their commit as before.
INSERT INTO order_search (order_search, rank) VALUES ('hashsize', 67108864);
