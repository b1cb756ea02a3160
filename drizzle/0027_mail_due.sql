-- メール未送信 follows this PC's メール方針: orders.mail_due is mail_pending unless the status mail
-- is switched off for the order's channel (mail_policy_off, written from the settings by
-- src-main/mail/mail-due.ts). mail_pending stays the synced fact "the status mail has not gone
-- out"; mail_due is local and never captured for sync. The tab count and the tab's indexes
-- read mail_due. Until the app writes the policy at start-up, mail_due = mail_pending.
CREATE TABLE `mail_policy_off` (
	`channel` text NOT NULL,
	`status` text NOT NULL,
	PRIMARY KEY(`channel`, `status`)
);
--> statement-breakpoint
DROP INDEX `orders_mail_pending_idx`;--> statement-breakpoint
DROP INDEX `orders_mail_pending_total_idx`;--> statement-breakpoint
DROP INDEX `orders_mail_pending_order_no_idx`;--> statement-breakpoint
ALTER TABLE `orders` ADD `mail_due` integer DEFAULT false NOT NULL;--> statement-breakpoint
UPDATE `orders` SET `mail_due` = 1 WHERE `mail_pending` = 1;--> statement-breakpoint
CREATE INDEX `orders_mail_due_idx` ON `orders` (`ordered_at`,`id`) WHERE "orders"."mail_due" = 1;--> statement-breakpoint
CREATE INDEX `orders_mail_due_total_idx` ON `orders` (`total`) WHERE "orders"."mail_due" = 1;--> statement-breakpoint
CREATE INDEX `orders_mail_due_order_no_idx` ON `orders` (`order_no`) WHERE "orders"."mail_due" = 1;--> statement-breakpoint
CREATE TRIGGER `orders_mail_due_insert` AFTER INSERT ON `orders`
WHEN NEW.`mail_pending` = 1
  AND NOT EXISTS (SELECT 1 FROM `mail_policy_off` p WHERE p.`channel` = NEW.`channel` AND p.`status` = NEW.`status`)
BEGIN
  UPDATE `orders` SET `mail_due` = 1 WHERE `id` = NEW.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `orders_mail_due_update` AFTER UPDATE OF `mail_pending`, `status`, `channel` ON `orders`
WHEN OLD.`mail_pending` IS NOT NEW.`mail_pending` OR OLD.`status` IS NOT NEW.`status` OR OLD.`channel` IS NOT NEW.`channel`
BEGIN
  UPDATE `orders` SET `mail_due` = (NEW.`mail_pending` = 1
      AND NOT EXISTS (SELECT 1 FROM `mail_policy_off` p WHERE p.`channel` = NEW.`channel` AND p.`status` = NEW.`status`))
  WHERE `id` = NEW.`id`;
END;--> statement-breakpoint
DROP TRIGGER `orders_count_insert`;--> statement-breakpoint
CREATE TRIGGER `orders_count_insert` AFTER INSERT ON `orders` BEGIN
  UPDATE `tab_counts` SET `n` = `n` + 1 WHERE `tab` = NEW.`status`;
  UPDATE `tab_counts` SET `n` = `n` + 1 WHERE `tab` = 'mail_unsent' AND NEW.`mail_due` = 1;
END;--> statement-breakpoint
DROP TRIGGER `orders_count_delete`;--> statement-breakpoint
CREATE TRIGGER `orders_count_delete` AFTER DELETE ON `orders` BEGIN
  UPDATE `tab_counts` SET `n` = `n` - 1 WHERE `tab` = OLD.`status`;
  UPDATE `tab_counts` SET `n` = `n` - 1 WHERE `tab` = 'mail_unsent' AND OLD.`mail_due` = 1;
END;--> statement-breakpoint
DROP TRIGGER `orders_count_update`;--> statement-breakpoint
CREATE TRIGGER `orders_count_update` AFTER UPDATE OF `status`, `mail_due` ON `orders`
  WHEN OLD.`status` IS NOT NEW.`status` OR OLD.`mail_due` IS NOT NEW.`mail_due`
BEGIN
  UPDATE `tab_counts` SET `n` = `n` - 1 WHERE `tab` = OLD.`status` AND OLD.`status` IS NOT NEW.`status`;
  UPDATE `tab_counts` SET `n` = `n` + 1 WHERE `tab` = NEW.`status` AND OLD.`status` IS NOT NEW.`status`;
  UPDATE `tab_counts` SET `n` = `n` + NEW.`mail_due` - OLD.`mail_due`
    WHERE `tab` = 'mail_unsent' AND OLD.`mail_due` IS NOT NEW.`mail_due`;
END;
