CREATE TABLE `mail_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`kind` text NOT NULL,
	`main_status` text NOT NULL,
	`recipient` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`result` text NOT NULL,
	`error` text,
	`created_at` text NOT NULL,
	`finished_at` text
);
--> statement-breakpoint
CREATE INDEX `mail_log_order_idx` ON `mail_log` (`order_id`,`id`);--> statement-breakpoint
CREATE INDEX `mail_log_created_idx` ON `mail_log` (`created_at`);--> statement-breakpoint
CREATE TABLE `payment_methods` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`needs_confirmation` integer NOT NULL,
	`is_cod` integer DEFAULT false NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `stores` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`postal_code` text DEFAULT '' NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`is_head_office` integer DEFAULT false NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sub_statuses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`main_status` text NOT NULL,
	`name` text NOT NULL,
	`color` text DEFAULT '#9e9e9e' NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`retired_at` text
);
--> statement-breakpoint
CREATE INDEX `sub_statuses_main_idx` ON `sub_statuses` (`main_status`,`sort_order`);--> statement-breakpoint
CREATE TABLE `order_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`store_id` text,
	`pc_id` text NOT NULL,
	`kind` text NOT NULL,
	`from_value` text,
	`to_value` text,
	`reason` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `order_history_order_idx` ON `order_history` (`order_id`,`id`);--> statement-breakpoint
CREATE TABLE `order_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`sku` text NOT NULL,
	`title` text NOT NULL,
	`quantity` integer NOT NULL,
	`unit_price` integer NOT NULL,
	`location` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `order_items_order_line_uq` ON `order_items` (`order_id`,`line_no`);--> statement-breakpoint
CREATE INDEX `order_items_sku_idx` ON `order_items` (`sku`);--> statement-breakpoint
CREATE TABLE `orders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`channel` text NOT NULL,
	`order_no` text NOT NULL,
	`ordered_at` text NOT NULL,
	`buyer_name` text DEFAULT '' NOT NULL,
	`buyer_kana` text DEFAULT '' NOT NULL,
	`buyer_email` text DEFAULT '' NOT NULL,
	`buyer_phone` text DEFAULT '' NOT NULL,
	`ship_name` text DEFAULT '' NOT NULL,
	`ship_postal_code` text DEFAULT '' NOT NULL,
	`ship_prefecture` text DEFAULT '' NOT NULL,
	`ship_address1` text DEFAULT '' NOT NULL,
	`ship_address2` text DEFAULT '' NOT NULL,
	`ship_phone` text DEFAULT '' NOT NULL,
	`payment_method` text NOT NULL,
	`needs_payment` integer DEFAULT true NOT NULL,
	`subtotal` integer DEFAULT 0 NOT NULL,
	`discount` integer DEFAULT 0 NOT NULL,
	`shipping_fee` integer DEFAULT 0 NOT NULL,
	`cod_fee` integer DEFAULT 0 NOT NULL,
	`total` integer DEFAULT 0 NOT NULL,
	`order_comment` text DEFAULT '' NOT NULL,
	`staff_comment` text DEFAULT '' NOT NULL,
	`mail_inquiry` integer DEFAULT false NOT NULL,
	`order_form_done` integer DEFAULT true NOT NULL,
	`buyer_rating` integer DEFAULT true NOT NULL,
	`store_id` text,
	`carrier` text,
	`tracking_no` text,
	`bundle_group` text,
	`status` text DEFAULT 'new' NOT NULL,
	`sub_status_id` integer,
	`mail_pending` integer DEFAULT false NOT NULL,
	`paid_at` text,
	`shipped_at` text,
	`cancelled_at` text,
	`cancel_reason` text,
	`pii_purged_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `orders_channel_order_no_uq` ON `orders` (`channel`,`order_no`);--> statement-breakpoint
CREATE INDEX `orders_status_ordered_idx` ON `orders` (`status`,`ordered_at`,`id`);--> statement-breakpoint
CREATE INDEX `orders_order_no_idx` ON `orders` (`order_no`);--> statement-breakpoint
CREATE INDEX `orders_mail_pending_idx` ON `orders` (`ordered_at`,`id`) WHERE "orders"."mail_pending" = 1;--> statement-breakpoint
CREATE INDEX `orders_status_total_idx` ON `orders` (`status`,`total`,`id`);--> statement-breakpoint
CREATE INDEX `orders_status_order_no_idx` ON `orders` (`status`,`order_no`);--> statement-breakpoint
CREATE INDEX `orders_unpaid_idx` ON `orders` (`ordered_at`) WHERE "orders"."needs_payment" = 1 AND "orders"."status" IN ('new', 'stock_confirmed', 'out_of_stock');--> statement-breakpoint
CREATE INDEX `orders_form_unfilled_idx` ON `orders` (`ordered_at`) WHERE "orders"."order_form_done" = 0 AND "orders"."status" NOT IN ('shipped', 'cancelled');--> statement-breakpoint
CREATE INDEX `orders_store_status_idx` ON `orders` (`store_id`,`status`);--> statement-breakpoint
CREATE INDEX `orders_tracking_idx` ON `orders` (`tracking_no`);--> statement-breakpoint
CREATE INDEX `orders_bundle_idx` ON `orders` (`bundle_group`);--> statement-breakpoint
CREATE TABLE `tab_counts` (
	`tab` text PRIMARY KEY NOT NULL,
	`n` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `stock` (
	`sku` text NOT NULL,
	`store_id` text NOT NULL,
	`on_hand` integer DEFAULT 0 NOT NULL,
	`reserved` integer DEFAULT 0 NOT NULL,
	`location` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`sku`, `store_id`)
);
--> statement-breakpoint
CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_outbox` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`op_id` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`kind` text NOT NULL,
	`payload` text NOT NULL,
	`created_at` text NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`error` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sync_outbox_op_id_unique` ON `sync_outbox` (`op_id`);--> statement-breakpoint
CREATE INDEX `sync_outbox_state_idx` ON `sync_outbox` (`state`,`seq`);