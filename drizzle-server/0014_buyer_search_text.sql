-- The console's buyer search (0007) reads a trigram index. On "orders" itself that index took
-- some forty new entries for every new version of a row (every status change a PC pushes),
-- although the buyer's text rarely changes. It moves to a table of its own, written by the
-- triggers below only when an order comes in or its buyer's text changes. It holds the
-- order's date too: a common name's matches are put in order without reading their orders.
CREATE TABLE "order_buyer_text" (
  "order_id" integer PRIMARY KEY REFERENCES "orders" ("id") ON DELETE CASCADE,
  "ordered_at" text NOT NULL,
  "text" text NOT NULL
);
--> statement-breakpoint
INSERT INTO "order_buyer_text" ("order_id", "ordered_at", "text")
  SELECT "id", "ordered_at", "buyer_name" || ' ' || "buyer_kana" || ' ' || "buyer_email" || ' ' || "buyer_phone" FROM "orders";
--> statement-breakpoint
CREATE INDEX "order_buyer_text_trgm_idx" ON "order_buyer_text" USING gin ("text" gin_trgm_ops);
--> statement-breakpoint
DROP INDEX IF EXISTS "orders_buyer_trgm_idx";
--> statement-breakpoint
CREATE FUNCTION "chumon_buyer_text_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "order_buyer_text" ("order_id", "ordered_at", "text")
    SELECT "id", "ordered_at", "buyer_name" || ' ' || "buyer_kana" || ' ' || "buyer_email" || ' ' || "buyer_phone" FROM "inserted_orders";
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "orders_buyer_text_insert" AFTER INSERT ON "orders" REFERENCING NEW TABLE AS "inserted_orders"
  FOR EACH STATEMENT EXECUTE FUNCTION "chumon_buyer_text_insert"();
--> statement-breakpoint
CREATE FUNCTION "chumon_buyer_text_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "order_buyer_text" t SET "text" = n."text", "ordered_at" = n."ordered_at"
    FROM (SELECT "id", "ordered_at", "buyer_name" || ' ' || "buyer_kana" || ' ' || "buyer_email" || ' ' || "buyer_phone" AS "text"
          FROM "updated_orders") n
    WHERE t."order_id" = n."id" AND (t."text", t."ordered_at") IS DISTINCT FROM (n."text", n."ordered_at");
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "orders_buyer_text_update" AFTER UPDATE ON "orders" REFERENCING NEW TABLE AS "updated_orders"
  FOR EACH STATEMENT EXECUTE FUNCTION "chumon_buyer_text_update"();
