CREATE TABLE `bundle_members` (
	`order_id` integer PRIMARY KEY NOT NULL,
	`bundle_group` text NOT NULL,
	`original_shipping_fee` integer NOT NULL,
	`original_cod_fee` integer NOT NULL,
	`bundled_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `bundle_members_group_idx` ON `bundle_members` (`bundle_group`);--> statement-breakpoint
CREATE TABLE `stock_reservations` (
	`order_id` integer NOT NULL,
	`sku` text NOT NULL,
	`store_id` text NOT NULL,
	`quantity` integer NOT NULL,
	`reserved_at` text NOT NULL,
	PRIMARY KEY(`order_id`, `sku`)
);
--> statement-breakpoint
CREATE INDEX `stock_reservations_store_sku_idx` ON `stock_reservations` (`store_id`,`sku`);--> statement-breakpoint
CREATE TABLE `stock_shortages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`sku` text NOT NULL,
	`store_id` text NOT NULL,
	`needed` integer NOT NULL,
	`available` integer NOT NULL,
	`registered_at` text NOT NULL,
	`resolved_at` text
);
--> statement-breakpoint
CREATE INDEX `stock_shortages_order_idx` ON `stock_shortages` (`order_id`,`id`);