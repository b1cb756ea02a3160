DROP INDEX `orders_status_total_idx`;--> statement-breakpoint
DROP INDEX `orders_status_order_no_idx`;--> statement-breakpoint
CREATE INDEX `orders_total_idx` ON `orders` (`total`);