CREATE TABLE "channel_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"account_id" integer NOT NULL,
	"started_at" text NOT NULL,
	"finished_at" text NOT NULL,
	"on_demand" boolean NOT NULL,
	"pages" integer NOT NULL,
	"created" integer NOT NULL,
	"changed" integer NOT NULL,
	"conflicts" integer NOT NULL,
	"notices_sent" integer NOT NULL,
	"notices_refused" integer NOT NULL,
	"state" text NOT NULL,
	"message" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "channel_runs_account_idx" ON "channel_runs" USING btree ("account_id","id");