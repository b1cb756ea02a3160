-- 受注一覧 narrowed to one store (with or without status and channel), newest first: walks
-- that store's orders instead of every store's.
CREATE INDEX IF NOT EXISTS "orders_store_ordered_idx" ON "orders" ("store_id", "ordered_at" DESC, "id" DESC);
