CREATE TABLE `mail_templates` (
	`kind` text PRIMARY KEY NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
ALTER TABLE `mail_log` ADD `message_id` text;--> statement-breakpoint
ALTER TABLE `mail_log` ADD `retry_of` integer;--> statement-breakpoint
ALTER TABLE `mail_log` ADD `actor` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `mail_log_status_once_uq` ON `mail_log` (`order_id`,`main_status`) WHERE "mail_log"."kind" IN ('stock_confirmed', 'payment_confirmed', 'shipped') AND "mail_log"."result" IN ('pending', 'sent', 'unknown', 'marked');--> statement-breakpoint
CREATE INDEX `mail_log_order_kind_idx` ON `mail_log` (`order_id`,`kind`,`created_at`);--> statement-breakpoint
CREATE INDEX `mail_log_open_idx` ON `mail_log` (`result`,`id`) WHERE "mail_log"."result" IN ('pending', 'unknown', 'failed');