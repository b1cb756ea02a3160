-- The console's 受注一覧 over every store's orders: newest first, by order number's start,
-- or by part of the buyer's name, kana, e-mail or phone (trigram index: 3+ characters).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "orders_ordered_idx" ON "orders" ("ordered_at" DESC, "id" DESC);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "orders_order_no_pattern_idx" ON "orders" ("order_no" text_pattern_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "orders_buyer_trgm_idx" ON "orders" USING gin (
  ("buyer_name" || ' ' || "buyer_kana" || ' ' || "buyer_email" || ' ' || "buyer_phone") gin_trgm_ops
);
--> statement-breakpoint
-- 受注一覧 narrowed to one store (with or without status and channel), newest first: walks
-- that store's orders instead of every store's.
CREATE INDEX IF NOT EXISTS "orders_store_ordered_idx" ON "orders" ("store_id", "ordered_at" DESC, "id" DESC);
