ALTER TABLE `orders` ADD `delivery_date` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `delivery_time_slot` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `delivery_method` text DEFAULT '' NOT NULL;