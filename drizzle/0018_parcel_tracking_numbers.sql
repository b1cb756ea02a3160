CREATE TABLE `parcels` (
	`tracking_no` text PRIMARY KEY NOT NULL,
	`parcel` text NOT NULL
);
--> statement-breakpoint
-- A parcel is a bundle (its bundle_group) or a single order ('order:' || id). An order holds
-- its tracking number for its parcel while it waits to ship (出荷待ち); the number is kept
-- without dashes. A claim on a number another parcel holds is refused (the primary key);
-- a claim follows its order into or out of a bundle once no other order of the old parcel
-- holds the number, and is released the same way when the order ships, is cancelled or
-- takes another number. Numbers held twice before this migration stay with the oldest order.
INSERT OR IGNORE INTO `parcels` (`tracking_no`, `parcel`)
  SELECT replace(`tracking_no`, '-', ''), coalesce(`bundle_group`, 'order:' || `id`) FROM `orders`
  WHERE `status` = 'awaiting_shipment' AND `tracking_no` IS NOT NULL ORDER BY `ordered_at`, `id`;
--> statement-breakpoint
CREATE TRIGGER `parcels_claim_on_insert` AFTER INSERT ON `orders`
WHEN NEW.`status` = 'awaiting_shipment' AND NEW.`tracking_no` IS NOT NULL
BEGIN
  INSERT INTO `parcels` (`tracking_no`, `parcel`)
    VALUES (replace(NEW.`tracking_no`, '-', ''), coalesce(NEW.`bundle_group`, 'order:' || NEW.`id`))
    ON CONFLICT (`tracking_no`) DO NOTHING;
  SELECT RAISE(ABORT, 'parcel_tracking_taken') FROM `parcels`
    WHERE `tracking_no` = replace(NEW.`tracking_no`, '-', '') AND `parcel` <> coalesce(NEW.`bundle_group`, 'order:' || NEW.`id`);
END;
--> statement-breakpoint
CREATE TRIGGER `parcels_follow_on_update` AFTER UPDATE OF `tracking_no`, `status`, `bundle_group` ON `orders`
WHEN (OLD.`status` = 'awaiting_shipment' AND OLD.`tracking_no` IS NOT NULL)
  OR (NEW.`status` = 'awaiting_shipment' AND NEW.`tracking_no` IS NOT NULL)
BEGIN
  -- The same number, still held: into or out of a bundle, the claim follows the order.
  UPDATE `parcels` SET `parcel` = coalesce(NEW.`bundle_group`, 'order:' || NEW.`id`)
    WHERE OLD.`status` = 'awaiting_shipment' AND NEW.`status` = 'awaiting_shipment'
      AND replace(OLD.`tracking_no`, '-', '') = replace(NEW.`tracking_no`, '-', '')
      AND `tracking_no` = replace(OLD.`tracking_no`, '-', '') AND `parcel` = coalesce(OLD.`bundle_group`, 'order:' || OLD.`id`)
      AND NOT EXISTS (SELECT 1 FROM `orders` o WHERE OLD.`bundle_group` IS NOT NULL AND o.`bundle_group` = OLD.`bundle_group`
        AND o.`id` <> OLD.`id` AND o.`status` = 'awaiting_shipment' AND replace(o.`tracking_no`, '-', '') = replace(OLD.`tracking_no`, '-', ''));
  -- No longer held here (shipped, cancelled, another number).
  DELETE FROM `parcels`
    WHERE OLD.`status` = 'awaiting_shipment' AND OLD.`tracking_no` IS NOT NULL
      AND NOT (NEW.`status` = 'awaiting_shipment' AND replace(OLD.`tracking_no`, '-', '') IS replace(NEW.`tracking_no`, '-', ''))
      AND `tracking_no` = replace(OLD.`tracking_no`, '-', '') AND `parcel` = coalesce(OLD.`bundle_group`, 'order:' || OLD.`id`)
      AND NOT EXISTS (SELECT 1 FROM `orders` o WHERE OLD.`bundle_group` IS NOT NULL AND o.`bundle_group` = OLD.`bundle_group`
        AND o.`id` <> OLD.`id` AND o.`status` = 'awaiting_shipment' AND replace(o.`tracking_no`, '-', '') = replace(OLD.`tracking_no`, '-', ''));
  -- A new claim: a number registered, or an order with one coming to wait for shipping.
  INSERT INTO `parcels` (`tracking_no`, `parcel`)
    SELECT replace(NEW.`tracking_no`, '-', ''), coalesce(NEW.`bundle_group`, 'order:' || NEW.`id`)
    WHERE NEW.`status` = 'awaiting_shipment' AND NEW.`tracking_no` IS NOT NULL
      AND NOT (OLD.`status` = 'awaiting_shipment' AND replace(OLD.`tracking_no`, '-', '') IS replace(NEW.`tracking_no`, '-', ''))
    ON CONFLICT (`tracking_no`) DO NOTHING;
  SELECT RAISE(ABORT, 'parcel_tracking_taken') FROM `parcels`
    WHERE NEW.`status` = 'awaiting_shipment' AND NEW.`tracking_no` IS NOT NULL
      AND NOT (OLD.`status` = 'awaiting_shipment' AND replace(OLD.`tracking_no`, '-', '') IS replace(NEW.`tracking_no`, '-', ''))
      AND `tracking_no` = replace(NEW.`tracking_no`, '-', '') AND `parcel` <> coalesce(NEW.`bundle_group`, 'order:' || NEW.`id`);
END;
--> statement-breakpoint
CREATE TRIGGER `parcels_release_on_delete` AFTER DELETE ON `orders`
WHEN OLD.`status` = 'awaiting_shipment' AND OLD.`tracking_no` IS NOT NULL
BEGIN
  DELETE FROM `parcels`
    WHERE `tracking_no` = replace(OLD.`tracking_no`, '-', '') AND `parcel` = coalesce(OLD.`bundle_group`, 'order:' || OLD.`id`)
      AND NOT EXISTS (SELECT 1 FROM `orders` o WHERE OLD.`bundle_group` IS NOT NULL AND o.`bundle_group` = OLD.`bundle_group`
        AND o.`id` <> OLD.`id` AND o.`status` = 'awaiting_shipment' AND replace(o.`tracking_no`, '-', '') = replace(OLD.`tracking_no`, '-', ''));
END;
