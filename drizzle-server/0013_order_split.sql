ALTER TABLE "orders" ADD COLUMN "channel_order_no" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "split_from" text;