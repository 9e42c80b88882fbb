-- attempts recorded as under way before attempts were recorded once over: their tasks make them again
DELETE FROM webhook_deliveries WHERE status = 'pending';
-- disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- create "new_webhook_deliveries" table
CREATE TABLE `new_webhook_deliveries` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `store_id` integer NULL, `event_id` integer NOT NULL, `webhook_id` text NOT NULL, `event_type` text NOT NULL, `run` text NOT NULL DEFAULT (''), `attempt` integer NOT NULL, `status` text NOT NULL, `response_code` integer NULL, `latency_ms` integer NULL, `error` text NULL, `next_attempt_at` datetime NULL, `tenant_id` integer NOT NULL, `endpoint_id` integer NOT NULL, CONSTRAINT `webhook_deliveries_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION, CONSTRAINT `webhook_deliveries_integration_endpoints_endpoint` FOREIGN KEY (`endpoint_id`) REFERENCES `integration_endpoints` (`id`) ON DELETE CASCADE);
-- set sequence for "new_webhook_deliveries" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_webhook_deliveries", 146028888064);
-- copy rows from old table "webhook_deliveries" to new temporary table "new_webhook_deliveries"
INSERT INTO `new_webhook_deliveries` (`id`, `created_at`, `updated_at`, `store_id`, `event_id`, `webhook_id`, `event_type`, `run`, `attempt`, `status`, `response_code`, `latency_ms`, `error`, `next_attempt_at`, `tenant_id`, `endpoint_id`) SELECT `id`, `created_at`, `updated_at`, `store_id`, `event_id`, `webhook_id`, `event_type`, `run`, `attempt`, `status`, `response_code`, `latency_ms`, `error`, `next_attempt_at`, `tenant_id`, `endpoint_id` FROM `webhook_deliveries`;
-- drop "webhook_deliveries" table after copying rows
DROP TABLE `webhook_deliveries`;
-- rename temporary table "new_webhook_deliveries" to "webhook_deliveries"
ALTER TABLE `new_webhook_deliveries` RENAME TO `webhook_deliveries`;
-- create index "webhookdelivery_tenant_id" to table: "webhook_deliveries"
CREATE INDEX `webhookdelivery_tenant_id` ON `webhook_deliveries` (`tenant_id`);
-- create index "webhookdelivery_event_id_endpoint_id_run_attempt" to table: "webhook_deliveries"
CREATE UNIQUE INDEX `webhookdelivery_event_id_endpoint_id_run_attempt` ON `webhook_deliveries` (`event_id`, `endpoint_id`, `run`, `attempt`);
-- create index "webhookdelivery_endpoint_id_created_at" to table: "webhook_deliveries"
CREATE INDEX `webhookdelivery_endpoint_id_created_at` ON `webhook_deliveries` (`endpoint_id`, `created_at`);
-- create index "webhookdelivery_created_at" to table: "webhook_deliveries"
CREATE INDEX `webhookdelivery_created_at` ON `webhook_deliveries` (`created_at`);
-- enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;
