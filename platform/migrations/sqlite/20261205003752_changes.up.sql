-- disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- create "new_outbox_events" table
CREATE TABLE `new_outbox_events` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `tenant_id` integer NULL, `store_id` integer NULL, `topic` text NOT NULL, `aggregate_type` text NOT NULL DEFAULT (''), `aggregate_id` integer NOT NULL DEFAULT (0), `sequence` integer NOT NULL DEFAULT (0), `payload` json NOT NULL, `origin_endpoint_id` integer NULL, `target_endpoint_id` integer NULL, `published_at` datetime NULL);
-- set sequence for "new_outbox_events" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_outbox_events", 81604378624);
-- copy rows from old table "outbox_events" to new temporary table "new_outbox_events"
INSERT INTO `new_outbox_events` (`id`, `created_at`, `updated_at`, `tenant_id`, `topic`, `payload`, `published_at`) SELECT `id`, `created_at`, `updated_at`, `tenant_id`, `topic`, `payload`, `published_at` FROM `outbox_events`;
-- drop "outbox_events" table after copying rows
DROP TABLE `outbox_events`;
-- rename temporary table "new_outbox_events" to "outbox_events"
ALTER TABLE `new_outbox_events` RENAME TO `outbox_events`;
-- create index "outboxevent_published_at" to table: "outbox_events"
CREATE INDEX `outboxevent_published_at` ON `outbox_events` (`published_at`);
-- create index "outboxevent_tenant_id_id" to table: "outbox_events"
CREATE INDEX `outboxevent_tenant_id_id` ON `outbox_events` (`tenant_id`, `id`);
-- create index "outboxevent_aggregate_type_aggregate_id_sequence" to table: "outbox_events"
CREATE INDEX `outboxevent_aggregate_type_aggregate_id_sequence` ON `outbox_events` (`aggregate_type`, `aggregate_id`, `sequence`);
-- enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;
