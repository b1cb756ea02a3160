-- Pushed op ids are kept per client (a PC reusing another's id gets nothing of the other's).
DROP INDEX "applied_ops_client_idx";--> statement-breakpoint
ALTER TABLE "applied_ops" DROP CONSTRAINT "applied_ops_pkey";--> statement-breakpoint
ALTER TABLE "applied_ops" ADD CONSTRAINT "applied_ops_client_id_op_id_pk" PRIMARY KEY("client_id","op_id");--> statement-breakpoint
-- Repeated refusals are counted on one row, found by when it was last seen.
ALTER TABLE "refused_access" ADD COLUMN "last_at" text;--> statement-breakpoint
ALTER TABLE "refused_access" ADD COLUMN "count" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE INDEX "refused_access_last_idx" ON "refused_access" USING btree ("last_at");
