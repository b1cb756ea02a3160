-- Sync capture (issue 6): changes that do not pass through the journal still reach the
-- outbox while this PC syncs with a central server (meta 'sync_capture' present).
-- Orders made on this PC (its own CSV import) go up as 'create' operations.
CREATE TRIGGER `sync_capture_order_insert` AFTER INSERT ON `orders`
WHEN EXISTS (SELECT 1 FROM `meta` WHERE `key` = 'sync_capture')
BEGIN
  INSERT INTO `sync_outbox` (`op_id`, `entity`, `entity_id`, `kind`, `payload`, `created_at`)
  VALUES (lower(hex(randomblob(16))), 'order', NEW.`id`, 'create',
    json_object('orderNo', NEW.`order_no`, 'channel', NEW.`channel`), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
--> statement-breakpoint
-- Mail sent / mail marked unsent for the current status (S5): the メール未送信 tab agrees on every PC.
CREATE TRIGGER `sync_capture_mail_state` AFTER UPDATE OF `mail_pending` ON `orders`
WHEN OLD.`mail_pending` <> NEW.`mail_pending` AND OLD.`status` = NEW.`status`
  AND EXISTS (SELECT 1 FROM `meta` WHERE `key` = 'sync_capture')
BEGIN
  INSERT INTO `sync_outbox` (`op_id`, `entity`, `entity_id`, `kind`, `payload`, `created_at`)
  VALUES (lower(hex(randomblob(16))), 'order', NEW.`id`, 'mail_state',
    json_object('orderNo', NEW.`order_no`, 'channel', NEW.`channel`, 'mailPending', json(CASE WHEN NEW.`mail_pending` THEN 'true' ELSE 'false' END), 'mailStatus', NEW.`status`),
    strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
END;
--> statement-breakpoint
-- S3: the daily purge finds shipped Amazon orders still holding personal data without a scan.
CREATE INDEX `orders_pii_due_idx` ON `orders` (`shipped_at`) WHERE `channel` = 'amazon' AND `pii_purged_at` IS NULL;
