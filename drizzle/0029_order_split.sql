ALTER TABLE `orders` ADD `channel_order_no` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `split_from` text;