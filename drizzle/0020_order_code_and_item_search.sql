-- F5 by order number, tracking number, SKU or title (S10) through indexes instead of a LIKE
-- over every order: order_code_search holds order and tracking numbers (trigram: any fragment
-- of three characters or more is a phrase of trigrams), order_item_search holds each order's
-- SKUs as one word each ('s' || hex(sku)), and item_catalog the distinct SKU + title pairs that
-- a typed SKU or title is matched against. Like order_search (0006, 0014) they are kept by
-- triggers for everyday writes and filled set-based by bulk loads: the triggers leave orders
-- above chumon_search_indexed_upto() to the load's fill (src-main/search/index-batch.ts).
CREATE TABLE `item_catalog` (
	`id` integer PRIMARY KEY NOT NULL,
	`sku` text NOT NULL,
	`title` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `item_catalog_sku_title_uq` ON `item_catalog` (`sku`,`title`);
--> statement-breakpoint
CREATE VIRTUAL TABLE order_code_search USING fts5(
  order_no, tracking_no,
  content = '', contentless_delete = 1,
  tokenize = 'trigram'
);
--> statement-breakpoint
INSERT INTO order_code_search (order_code_search, rank) VALUES ('hashsize', 67108864);
--> statement-breakpoint
CREATE VIRTUAL TABLE order_item_search USING fts5(
  items,
  content = '', contentless_delete = 1,
  tokenize = 'ascii'
);
--> statement-breakpoint
INSERT INTO order_item_search (order_item_search, rank) VALUES ('hashsize', 67108864);
--> statement-breakpoint
INSERT INTO order_code_search (rowid, order_no, tracking_no)
  SELECT id, order_no, replace(coalesce(tracking_no, ''), '-', '') FROM orders;
--> statement-breakpoint
INSERT OR IGNORE INTO item_catalog (sku, title) SELECT sku, title FROM order_items;
--> statement-breakpoint
INSERT INTO order_item_search (rowid, items)
  SELECT order_id, group_concat('s' || hex(sku), ' ') FROM order_items GROUP BY order_id;
--> statement-breakpoint
CREATE TRIGGER order_code_search_insert AFTER INSERT ON orders
WHEN NEW.id <= chumon_search_indexed_upto()
BEGIN
  INSERT INTO order_code_search (rowid, order_no, tracking_no)
    VALUES (NEW.id, NEW.order_no, replace(coalesce(NEW.tracking_no, ''), '-', ''));
END;
--> statement-breakpoint
CREATE TRIGGER order_code_search_update AFTER UPDATE OF order_no, tracking_no ON orders
WHEN NEW.id <= chumon_search_indexed_upto()
  AND (OLD.order_no IS NOT NEW.order_no OR OLD.tracking_no IS NOT NEW.tracking_no)
BEGIN
  DELETE FROM order_code_search WHERE rowid = OLD.id;
  INSERT INTO order_code_search (rowid, order_no, tracking_no)
    VALUES (NEW.id, NEW.order_no, replace(coalesce(NEW.tracking_no, ''), '-', ''));
END;
--> statement-breakpoint
CREATE TRIGGER order_code_search_delete AFTER DELETE ON orders BEGIN
  DELETE FROM order_code_search WHERE rowid = OLD.id;
  DELETE FROM order_item_search WHERE rowid = OLD.id;
END;
--> statement-breakpoint
CREATE TRIGGER order_item_search_insert AFTER INSERT ON order_items
WHEN NEW.order_id <= chumon_search_indexed_upto()
BEGIN
  INSERT OR IGNORE INTO item_catalog (sku, title) VALUES (NEW.sku, NEW.title);
  DELETE FROM order_item_search WHERE rowid = NEW.order_id;
  INSERT INTO order_item_search (rowid, items)
    SELECT NEW.order_id, group_concat('s' || hex(sku), ' ') FROM order_items WHERE order_id = NEW.order_id;
END;
--> statement-breakpoint
CREATE TRIGGER order_item_search_update AFTER UPDATE OF sku, title, order_id ON order_items
WHEN NEW.order_id <= chumon_search_indexed_upto()
BEGIN
  INSERT OR IGNORE INTO item_catalog (sku, title) VALUES (NEW.sku, NEW.title);
  DELETE FROM order_item_search WHERE rowid IN (OLD.order_id, NEW.order_id);
  INSERT INTO order_item_search (rowid, items)
    SELECT order_id, group_concat('s' || hex(sku), ' ') FROM order_items
    WHERE order_id IN (OLD.order_id, NEW.order_id) GROUP BY order_id;
END;
--> statement-breakpoint
-- An order's items deleted with the order (ON DELETE CASCADE) leave no word behind: only the
-- items of an order still there are indexed again.
CREATE TRIGGER order_item_search_delete AFTER DELETE ON order_items
WHEN OLD.order_id <= chumon_search_indexed_upto()
BEGIN
  DELETE FROM order_item_search WHERE rowid = OLD.order_id;
  INSERT INTO order_item_search (rowid, items)
    SELECT order_id, group_concat('s' || hex(sku), ' ') FROM order_items
    WHERE order_id = OLD.order_id AND EXISTS (SELECT 1 FROM orders WHERE id = OLD.order_id) GROUP BY order_id;
END;