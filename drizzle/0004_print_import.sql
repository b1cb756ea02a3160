CREATE TABLE `import_mappings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`channel` text NOT NULL,
	`fields` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `import_mappings_name_unique` ON `import_mappings` (`name`);--> statement-breakpoint
CREATE TABLE `import_records` (
	`channel` text NOT NULL,
	`order_no` text NOT NULL,
	`order_id` integer NOT NULL,
	`snapshot` text NOT NULL,
	`source` text NOT NULL,
	`imported_at` text NOT NULL,
	PRIMARY KEY(`channel`, `order_no`)
);
--> statement-breakpoint
CREATE TABLE `print_jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`file_path` text NOT NULL,
	`printer` text,
	`printer_job` text,
	`pages` integer NOT NULL,
	`bytes` integer NOT NULL,
	`order_ids` text NOT NULL,
	`order_count` integer NOT NULL,
	`created_at` text NOT NULL,
	`actor` text NOT NULL,
	`reprint_of` integer
);
--> statement-breakpoint
CREATE INDEX `print_jobs_created_idx` ON `print_jobs` (`created_at`);--> statement-breakpoint
CREATE TABLE `print_marks` (
	`order_id` integer NOT NULL,
	`kind` text NOT NULL,
	`job_id` integer NOT NULL,
	`printed_at` text NOT NULL,
	`printed_by` text NOT NULL,
	`times` integer DEFAULT 1 NOT NULL,
	PRIMARY KEY(`order_id`, `kind`)
);
