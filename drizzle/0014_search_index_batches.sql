-- Bulk loads (demo seed, order-file imports, a first sync) fill the F5 search index once per
-- transaction, set-based, instead of row by row through the triggers: several times cheaper
-- per order. chumon_search_indexed_upto() (src-main/search/sql-functions.ts) is the highest
-- order id the triggers keep; it is unbounded except inside such a batch, whose new orders
-- (ids above it) are indexed at the batch's end (src-main/search/index-batch.ts).
DROP TRIGGER `order_search_insert`;
--> statement-breakpoint
CREATE TRIGGER `order_search_insert` AFTER INSERT ON `orders`
WHEN NEW.`id` <= chumon_search_indexed_upto()
BEGIN
  INSERT INTO order_search (rowid, name, addr, contact) VALUES (
    NEW.id,
    chumon_name_tokens(NEW.buyer_name, NEW.buyer_kana, NEW.ship_name),
    chumon_address_tokens(NEW.ship_prefecture, NEW.ship_address1, NEW.ship_address2),
    chumon_contact_tokens(NEW.buyer_email, NEW.buyer_phone, NEW.ship_phone));
END;
--> statement-breakpoint
DROP TRIGGER `order_search_update`;
--> statement-breakpoint
CREATE TRIGGER `order_search_update` AFTER UPDATE OF
  buyer_name, buyer_kana, ship_name, ship_prefecture, ship_address1, ship_address2, buyer_email, buyer_phone, ship_phone
  ON `orders`
  WHEN NEW.`id` <= chumon_search_indexed_upto() AND (
    OLD.buyer_name IS NOT NEW.buyer_name OR OLD.buyer_kana IS NOT NEW.buyer_kana OR OLD.ship_name IS NOT NEW.ship_name
    OR OLD.ship_prefecture IS NOT NEW.ship_prefecture OR OLD.ship_address1 IS NOT NEW.ship_address1
    OR OLD.ship_address2 IS NOT NEW.ship_address2 OR OLD.buyer_email IS NOT NEW.buyer_email
    OR OLD.buyer_phone IS NOT NEW.buyer_phone OR OLD.ship_phone IS NOT NEW.ship_phone)
BEGIN
  DELETE FROM order_search WHERE rowid = OLD.id;
  INSERT INTO order_search (rowid, name, addr, contact) VALUES (
    NEW.id,
    chumon_name_tokens(NEW.buyer_name, NEW.buyer_kana, NEW.ship_name),
    chumon_address_tokens(NEW.ship_prefecture, NEW.ship_address1, NEW.ship_address2),
    chumon_contact_tokens(NEW.buyer_email, NEW.buyer_phone, NEW.ship_phone));
END;
--> statement-breakpoint
-- Every writer now puts the bundle key in the INSERT itself (orders/writer.ts, sync/wire-order.ts):
-- one row write per order instead of an insert and an update. The update trigger stays.
DROP TRIGGER `orders_bundle_key_insert`;
