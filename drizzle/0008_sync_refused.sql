CREATE TABLE `sync_refused` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`op_id` text NOT NULL,
	`channel` text NOT NULL,
	`order_no` text NOT NULL,
	`kind` text NOT NULL,
	`attempted` text NOT NULL,
	`reason` text NOT NULL,
	`status_now` text,
	`at` text NOT NULL,
	`seen_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sync_refused_op_id_unique` ON `sync_refused` (`op_id`);--> statement-breakpoint
CREATE INDEX `sync_refused_seen_idx` ON `sync_refused` (`seen_at`,`id`);