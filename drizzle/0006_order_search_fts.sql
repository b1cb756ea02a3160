-- F5 注文検索 (issue 3): a full-text index over buyer names, ship-to addresses and contacts,
-- width- and kana-insensitive. The token text comes from SQL functions the app registers on
-- every connection it opens (src-main/search/sql-functions.ts): names as single characters
-- plus character pairs (Japanese name fragments are often one or two characters, below what
-- a trigram index can find), addresses as character pairs, e-mail and phone numbers as whole
-- tokens for prefix matching. A phrase of consecutive pairs finds any longer fragment
-- exactly. Contentless: the orders table holds the text; triggers keep the index in step
-- with every writer (intake, imports, detail edits, sync, the Amazon personal-data purge).
CREATE VIRTUAL TABLE order_search USING fts5(
  name, addr, contact,
  content = '', contentless_delete = 1,
  tokenize = "ascii tokenchars '-@._+'"
);
--> statement-breakpoint
INSERT INTO order_search (rowid, name, addr, contact)
  SELECT id,
    chumon_name_tokens(buyer_name, buyer_kana, ship_name),
    chumon_address_tokens(ship_prefecture, ship_address1, ship_address2),
    chumon_contact_tokens(buyer_email, buyer_phone, ship_phone)
  FROM orders;
--> statement-breakpoint
CREATE TRIGGER order_search_insert AFTER INSERT ON orders BEGIN
  INSERT INTO order_search (rowid, name, addr, contact) VALUES (
    NEW.id,
    chumon_name_tokens(NEW.buyer_name, NEW.buyer_kana, NEW.ship_name),
    chumon_address_tokens(NEW.ship_prefecture, NEW.ship_address1, NEW.ship_address2),
    chumon_contact_tokens(NEW.buyer_email, NEW.buyer_phone, NEW.ship_phone));
END;
--> statement-breakpoint
CREATE TRIGGER order_search_update AFTER UPDATE OF
  buyer_name, buyer_kana, ship_name, ship_prefecture, ship_address1, ship_address2, buyer_email, buyer_phone, ship_phone
  ON orders
  WHEN OLD.buyer_name IS NOT NEW.buyer_name OR OLD.buyer_kana IS NOT NEW.buyer_kana OR OLD.ship_name IS NOT NEW.ship_name
    OR OLD.ship_prefecture IS NOT NEW.ship_prefecture OR OLD.ship_address1 IS NOT NEW.ship_address1
    OR OLD.ship_address2 IS NOT NEW.ship_address2 OR OLD.buyer_email IS NOT NEW.buyer_email
    OR OLD.buyer_phone IS NOT NEW.buyer_phone OR OLD.ship_phone IS NOT NEW.ship_phone
BEGIN
  DELETE FROM order_search WHERE rowid = OLD.id;
  INSERT INTO order_search (rowid, name, addr, contact) VALUES (
    NEW.id,
    chumon_name_tokens(NEW.buyer_name, NEW.buyer_kana, NEW.ship_name),
    chumon_address_tokens(NEW.ship_prefecture, NEW.ship_address1, NEW.ship_address2),
    chumon_contact_tokens(NEW.buyer_email, NEW.buyer_phone, NEW.ship_phone));
END;
--> statement-breakpoint
CREATE TRIGGER order_search_delete AFTER DELETE ON orders BEGIN
  DELETE FROM order_search WHERE rowid = OLD.id;
END;
