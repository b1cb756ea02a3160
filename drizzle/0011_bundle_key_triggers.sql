-- F10 同梱設定 (S14): orders.bundle_key holds the normalised buyer name + postal code +
-- address of every open order, so that the candidate search reads one partial index instead
-- of normalising every open order on each press. chumon_bundle_key is the app's SQL function
-- (src-main/bundle/sql-functions.ts), registered on every connection openDatabase opens.
-- Shipped and cancelled orders never reopen, so their key is not needed.
UPDATE `orders` SET `bundle_key` = chumon_bundle_key(`buyer_name`, `ship_postal_code`, `ship_prefecture`, `ship_address1`, `ship_address2`)
WHERE `status` IN ('new', 'stock_confirmed', 'out_of_stock', 'paid', 'awaiting_shipment');
--> statement-breakpoint
CREATE TRIGGER `orders_bundle_key_insert` AFTER INSERT ON `orders`
WHEN NEW.`status` IN ('new', 'stock_confirmed', 'out_of_stock', 'paid', 'awaiting_shipment')
BEGIN
  UPDATE `orders` SET `bundle_key` = chumon_bundle_key(NEW.`buyer_name`, NEW.`ship_postal_code`, NEW.`ship_prefecture`, NEW.`ship_address1`, NEW.`ship_address2`)
  WHERE `id` = NEW.`id`;
END;
--> statement-breakpoint
-- A changed name or address (sync, PII purge) or an order that reached an open status
-- without a key (a sync from another PC) gets its key (re)computed.
CREATE TRIGGER `orders_bundle_key_update` AFTER UPDATE OF `buyer_name`, `ship_postal_code`, `ship_prefecture`, `ship_address1`, `ship_address2`, `status` ON `orders`
WHEN NEW.`status` IN ('new', 'stock_confirmed', 'out_of_stock', 'paid', 'awaiting_shipment')
  AND (NEW.`bundle_key` IS NULL OR OLD.`buyer_name` IS NOT NEW.`buyer_name` OR OLD.`ship_postal_code` IS NOT NEW.`ship_postal_code`
    OR OLD.`ship_prefecture` IS NOT NEW.`ship_prefecture` OR OLD.`ship_address1` IS NOT NEW.`ship_address1`
    OR OLD.`ship_address2` IS NOT NEW.`ship_address2`)
BEGIN
  UPDATE `orders` SET `bundle_key` = chumon_bundle_key(NEW.`buyer_name`, NEW.`ship_postal_code`, NEW.`ship_prefecture`, NEW.`ship_address1`, NEW.`ship_address2`)
  WHERE `id` = NEW.`id`;
END;
