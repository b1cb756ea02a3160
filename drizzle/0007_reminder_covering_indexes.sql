DROP INDEX `orders_unpaid_idx`;--> statement-breakpoint
DROP INDEX `orders_form_unfilled_idx`;--> statement-breakpoint
CREATE INDEX `orders_unpaid_idx` ON `orders` (`ordered_at`,`needs_payment`,`status`,`order_form_done`) WHERE "orders"."needs_payment" = 1 AND "orders"."status" IN ('new', 'stock_confirmed', 'out_of_stock');--> statement-breakpoint
CREATE INDEX `orders_form_unfilled_idx` ON `orders` (`ordered_at`,`needs_payment`,`status`,`order_form_done`) WHERE "orders"."order_form_done" = 0 AND "orders"."status" NOT IN ('shipped', 'cancelled');