CREATE TABLE "audit_log" (
	"id" serial PRIMARY KEY NOT NULL,
	"at" text NOT NULL,
	"account_id" integer,
	"login" text NOT NULL,
	"action" text NOT NULL,
	"detail" jsonb NOT NULL,
	"address" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "client_reports" (
	"client_id" integer PRIMARY KEY NOT NULL,
	"reported_at" text NOT NULL,
	"app_version" text DEFAULT '' NOT NULL,
	"protocol" integer DEFAULT 1 NOT NULL,
	"report" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "console_accounts" (
	"id" serial PRIMARY KEY NOT NULL,
	"login" text NOT NULL,
	"display_name" text NOT NULL,
	"role" text NOT NULL,
	"password_hash" text NOT NULL,
	"failed_count" integer DEFAULT 0 NOT NULL,
	"locked_until" text,
	"disabled_at" text,
	"created_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "console_sessions" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"account_id" integer NOT NULL,
	"csrf" text NOT NULL,
	"created_at" text NOT NULL,
	"last_used_at" text NOT NULL,
	"address" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pc_log_files" (
	"id" serial PRIMARY KEY NOT NULL,
	"upload_id" integer NOT NULL,
	"name" text NOT NULL,
	"stored_name" text NOT NULL,
	"bytes" integer NOT NULL,
	"sha256" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pc_log_uploads" (
	"id" serial PRIMARY KEY NOT NULL,
	"client_id" integer NOT NULL,
	"received_at" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"bytes" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "server_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "applied_ops" ADD COLUMN "channel" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "applied_ops" ADD COLUMN "order_no" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "applied_ops" ADD COLUMN "kind" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "applied_ops" ADD COLUMN "operation" text;--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "console_accounts_login_uq" ON "console_accounts" USING btree ("login");--> statement-breakpoint
CREATE INDEX "console_sessions_account_idx" ON "console_sessions" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "pc_log_files_upload_idx" ON "pc_log_files" USING btree ("upload_id");--> statement-breakpoint
CREATE INDEX "pc_log_uploads_client_idx" ON "pc_log_uploads" USING btree ("client_id","id");--> statement-breakpoint
CREATE INDEX "applied_ops_refused_idx" ON "applied_ops" USING btree ("applied_at") WHERE NOT "applied_ops"."accepted";