CREATE TABLE `stock_ledger` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`sku` text NOT NULL,
	`store_id` text NOT NULL,
	`kind` text NOT NULL,
	`on_hand_before` integer NOT NULL,
	`on_hand_after` integer NOT NULL,
	`reserved_before` integer NOT NULL,
	`reserved_after` integer NOT NULL,
	`order_id` integer,
	`order_no` text,
	`operator` text NOT NULL,
	`pc_id` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `stock_ledger_sku_idx` ON `stock_ledger` (`sku`,`store_id`,`id`);--> statement-breakpoint
CREATE INDEX `stock_ledger_order_idx` ON `stock_ledger` (`order_id`) WHERE "stock_ledger"."order_id" IS NOT NULL;--> statement-breakpoint
CREATE TABLE `stock_mappings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`fields` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stock_mappings_name_unique` ON `stock_mappings` (`name`);--> statement-breakpoint
ALTER TABLE `stock` ADD `jan` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `stock` ADD `title` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `stock` ADD `search_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `stock` ADD `updated_at` text;--> statement-breakpoint
CREATE INDEX `stock_store_sku_idx` ON `stock` (`store_id`,`sku`);--> statement-breakpoint
CREATE INDEX `stock_store_location_idx` ON `stock` (`store_id`,`location`,`sku`);--> statement-breakpoint
CREATE INDEX `stock_search_idx` ON `stock` (`store_id`,`search_key`);--> statement-breakpoint
UPDATE `stock` SET `search_key` = chumon_stock_key(`sku`, `jan`, `title`, `location`);
