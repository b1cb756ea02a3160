CREATE TABLE "app_release_stores" (
	"release_id" bigint NOT NULL,
	"store_id" text NOT NULL,
	CONSTRAINT "app_release_stores_release_id_store_id_pk" PRIMARY KEY("release_id","store_id")
);
--> statement-breakpoint
CREATE TABLE "app_releases" (
	"id" serial PRIMARY KEY NOT NULL,
	"version" text NOT NULL,
	"version_key" text NOT NULL,
	"platform" text NOT NULL,
	"file_name" text NOT NULL,
	"stored_name" text NOT NULL,
	"bytes" bigint NOT NULL,
	"sha512" text NOT NULL,
	"release_date" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"rollout" text DEFAULT 'held' NOT NULL,
	"uploaded_at" text NOT NULL,
	"uploaded_by" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "app_release_stores_store_idx" ON "app_release_stores" USING btree ("store_id");--> statement-breakpoint
CREATE UNIQUE INDEX "app_releases_version_uq" ON "app_releases" USING btree ("platform","version");--> statement-breakpoint
CREATE INDEX "app_releases_feed_idx" ON "app_releases" USING btree ("platform","version_key");