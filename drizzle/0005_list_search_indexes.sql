CREATE TABLE `master_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`store_id` text,
	`pc_id` text NOT NULL,
	`kind` text NOT NULL,
	`from_value` text,
	`to_value` text
);
--> statement-breakpoint
CREATE INDEX `master_history_entity_idx` ON `master_history` (`entity`,`entity_id`,`id`);--> statement-breakpoint
CREATE INDEX `orders_ordered_idx` ON `orders` (`ordered_at`,`id`);--> statement-breakpoint
CREATE INDEX `orders_order_comment_idx` ON `orders` (`status`,`ordered_at`,`id`) WHERE "orders"."order_comment" <> '';--> statement-breakpoint
CREATE INDEX `orders_staff_comment_idx` ON `orders` (`status`,`ordered_at`,`id`) WHERE "orders"."staff_comment" <> '';--> statement-breakpoint
CREATE INDEX `orders_mail_inquiry_idx` ON `orders` (`status`,`ordered_at`,`id`) WHERE "orders"."mail_inquiry" = 1;--> statement-breakpoint
CREATE INDEX `orders_sub_status_idx` ON `orders` (`sub_status_id`,`status`) WHERE "orders"."sub_status_id" IS NOT NULL;