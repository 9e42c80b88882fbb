-- create "webhook_deliveries" table
CREATE TABLE `webhook_deliveries` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `store_id` integer NULL, `event_id` integer NOT NULL, `webhook_id` text NOT NULL, `event_type` text NOT NULL, `run` text NOT NULL DEFAULT (''), `attempt` integer NOT NULL, `status` text NOT NULL DEFAULT ('pending'), `response_code` integer NULL, `latency_ms` integer NULL, `error` text NULL, `next_attempt_at` datetime NULL, `tenant_id` integer NOT NULL, `endpoint_id` integer NOT NULL, CONSTRAINT `webhook_deliveries_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION, CONSTRAINT `webhook_deliveries_integration_endpoints_endpoint` FOREIGN KEY (`endpoint_id`) REFERENCES `integration_endpoints` (`id`) ON DELETE CASCADE);
-- set sequence for "webhook_deliveries" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("webhook_deliveries", 146028888064);
-- create index "webhookdelivery_tenant_id" to table: "webhook_deliveries"
CREATE INDEX `webhookdelivery_tenant_id` ON `webhook_deliveries` (`tenant_id`);
-- create index "webhookdelivery_endpoint_id_event_id_run_attempt" to table: "webhook_deliveries"
CREATE UNIQUE INDEX `webhookdelivery_endpoint_id_event_id_run_attempt` ON `webhook_deliveries` (`endpoint_id`, `event_id`, `run`, `attempt`);
-- create index "webhookdelivery_endpoint_id_created_at" to table: "webhook_deliveries"
CREATE INDEX `webhookdelivery_endpoint_id_created_at` ON `webhook_deliveries` (`endpoint_id`, `created_at`);
-- create index "webhookdelivery_created_at" to table: "webhook_deliveries"
CREATE INDEX `webhookdelivery_created_at` ON `webhook_deliveries` (`created_at`);
