ALTER TABLE `orders` ADD `ship_notice` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `channel_note` text DEFAULT '' NOT NULL;