ALTER TABLE "orders" ADD COLUMN "wire" text;--> statement-breakpoint
CREATE INDEX "order_history_seq_idx" ON "order_history" USING btree ("seq");