CREATE TABLE "stock" (
	"store_id" text NOT NULL,
	"sku" text NOT NULL,
	"on_hand" integer DEFAULT 0 NOT NULL,
	"reserved" integer DEFAULT 0 NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"jan" text DEFAULT '' NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"updated_at" text NOT NULL,
	"seq" bigint NOT NULL,
	CONSTRAINT "stock_store_id_sku_pk" PRIMARY KEY("store_id","sku"),
	CONSTRAINT "stock_counts_ck" CHECK ("stock"."reserved" >= 0 AND "stock"."on_hand" >= "stock"."reserved")
);
--> statement-breakpoint
CREATE TABLE "stock_ledger" (
	"id" serial PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"at" text NOT NULL,
	"store_id" text NOT NULL,
	"sku" text NOT NULL,
	"kind" text NOT NULL,
	"on_hand_before" integer NOT NULL,
	"on_hand_after" integer NOT NULL,
	"reserved_before" integer NOT NULL,
	"reserved_after" integer NOT NULL,
	"order_id" integer,
	"order_no" text,
	"operator" text NOT NULL,
	"pc_id" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"origin_client_id" integer
);
--> statement-breakpoint
CREATE TABLE "stock_reservations" (
	"order_id" integer NOT NULL,
	"store_id" text NOT NULL,
	"sku" text NOT NULL,
	"quantity" integer NOT NULL,
	"reserved_at" text NOT NULL,
	CONSTRAINT "stock_reservations_order_id_sku_pk" PRIMARY KEY("order_id","sku")
);
--> statement-breakpoint
CREATE INDEX "stock_seq_idx" ON "stock" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "stock_store_seq_idx" ON "stock" USING btree ("store_id","seq");--> statement-breakpoint
CREATE INDEX "stock_ledger_store_sku_idx" ON "stock_ledger" USING btree ("store_id","sku","id");--> statement-breakpoint
CREATE INDEX "stock_ledger_seq_idx" ON "stock_ledger" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "stock_reservations_store_sku_idx" ON "stock_reservations" USING btree ("store_id","sku");