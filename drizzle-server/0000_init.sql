CREATE TABLE "clients" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"store_id" text,
	"token_hash" text NOT NULL,
	"created_at" text NOT NULL,
	"revoked_at" text,
	"last_seen_at" text,
	CONSTRAINT "clients_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "refused_access" (
	"id" serial PRIMARY KEY NOT NULL,
	"at" text NOT NULL,
	"client_id" integer,
	"address" text DEFAULT '' NOT NULL,
	"method" text NOT NULL,
	"path" text NOT NULL,
	"reason" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stores" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"postal_code" text DEFAULT '' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"is_head_office" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_departures" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"order_id" integer NOT NULL,
	"channel" text NOT NULL,
	"order_no" text NOT NULL,
	"store_id" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_history" (
	"id" serial PRIMARY KEY NOT NULL,
	"order_id" integer NOT NULL,
	"seq" bigint NOT NULL,
	"at" text NOT NULL,
	"actor" text NOT NULL,
	"store_id" text,
	"pc_id" text NOT NULL,
	"kind" text NOT NULL,
	"from_value" text,
	"to_value" text,
	"reason" text DEFAULT '' NOT NULL,
	"origin_client_id" integer
);
--> statement-breakpoint
CREATE TABLE "order_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"order_id" integer NOT NULL,
	"line_no" integer NOT NULL,
	"sku" text NOT NULL,
	"title" text NOT NULL,
	"quantity" integer NOT NULL,
	"unit_price" integer NOT NULL,
	"location" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" serial PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"order_no" text NOT NULL,
	"ordered_at" text NOT NULL,
	"buyer_name" text DEFAULT '' NOT NULL,
	"buyer_kana" text DEFAULT '' NOT NULL,
	"buyer_email" text DEFAULT '' NOT NULL,
	"buyer_phone" text DEFAULT '' NOT NULL,
	"ship_name" text DEFAULT '' NOT NULL,
	"ship_postal_code" text DEFAULT '' NOT NULL,
	"ship_prefecture" text DEFAULT '' NOT NULL,
	"ship_address1" text DEFAULT '' NOT NULL,
	"ship_address2" text DEFAULT '' NOT NULL,
	"ship_phone" text DEFAULT '' NOT NULL,
	"payment_method" text NOT NULL,
	"needs_payment" boolean DEFAULT true NOT NULL,
	"subtotal" integer DEFAULT 0 NOT NULL,
	"discount" integer DEFAULT 0 NOT NULL,
	"shipping_fee" integer DEFAULT 0 NOT NULL,
	"cod_fee" integer DEFAULT 0 NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"order_comment" text DEFAULT '' NOT NULL,
	"staff_comment" text DEFAULT '' NOT NULL,
	"mail_inquiry" boolean DEFAULT false NOT NULL,
	"order_form_done" boolean DEFAULT true NOT NULL,
	"buyer_rating" boolean DEFAULT true NOT NULL,
	"store_id" text,
	"carrier" text,
	"tracking_no" text,
	"bundle_group" text,
	"status" text DEFAULT 'new' NOT NULL,
	"sub_status_id" integer,
	"mail_pending" boolean DEFAULT false NOT NULL,
	"paid_at" text,
	"shipped_at" text,
	"cancelled_at" text,
	"cancel_reason" text,
	"pii_purged_at" text,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"seq" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applied_ops" (
	"op_id" text PRIMARY KEY NOT NULL,
	"client_id" integer NOT NULL,
	"order_id" integer,
	"accepted" boolean NOT NULL,
	"reason" text,
	"applied_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "master_rows" (
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"data" jsonb NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"seq" bigint NOT NULL,
	CONSTRAINT "master_rows_kind_key_pk" PRIMARY KEY("kind","key")
);
--> statement-breakpoint
CREATE TABLE "sync_state" (
	"id" integer PRIMARY KEY NOT NULL,
	"server_id" text NOT NULL,
	"last_seq" bigint DEFAULT 0 NOT NULL,
	"purged_through" text
);
--> statement-breakpoint
ALTER TABLE "order_items" ADD CONSTRAINT "order_items_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "clients_store_idx" ON "clients" USING btree ("store_id");--> statement-breakpoint
CREATE INDEX "refused_access_at_idx" ON "refused_access" USING btree ("at");--> statement-breakpoint
CREATE INDEX "order_departures_store_seq_idx" ON "order_departures" USING btree ("store_id","seq");--> statement-breakpoint
CREATE INDEX "order_history_order_seq_idx" ON "order_history" USING btree ("order_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "order_items_order_line_uq" ON "order_items" USING btree ("order_id","line_no");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_channel_order_no_uq" ON "orders" USING btree ("channel","order_no");--> statement-breakpoint
CREATE INDEX "orders_seq_idx" ON "orders" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "orders_store_seq_idx" ON "orders" USING btree ("store_id","seq");--> statement-breakpoint
CREATE INDEX "orders_purge_idx" ON "orders" USING btree ("shipped_at") WHERE "orders"."channel" = 'amazon' AND "orders"."pii_purged_at" IS NULL;--> statement-breakpoint
CREATE INDEX "applied_ops_client_idx" ON "applied_ops" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "master_rows_seq_idx" ON "master_rows" USING btree ("seq");