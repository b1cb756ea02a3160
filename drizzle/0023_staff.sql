CREATE TABLE `staff` (
	`id` integer PRIMARY KEY NOT NULL,
	`store_id` text NOT NULL,
	`name` text NOT NULL,
	`is_manager` integer DEFAULT false NOT NULL,
	`pin_hash` text,
	`retired` integer DEFAULT false NOT NULL
);
