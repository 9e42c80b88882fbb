-- create "integration_endpoints" table
CREATE TABLE `integration_endpoints` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `url` text NOT NULL, `description` text NOT NULL DEFAULT (''), `event_types` json NOT NULL, `enabled` bool NOT NULL DEFAULT (true), `disabled_reason` text NULL, `secret` text NOT NULL, `previous_secret` text NULL, `previous_secret_expires_at` datetime NULL, `dead_streak` integer NOT NULL DEFAULT (0), `tenant_id` integer NOT NULL, `store_id` integer NULL, CONSTRAINT `integration_endpoints_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION, CONSTRAINT `integration_endpoints_stores_store` FOREIGN KEY (`store_id`) REFERENCES `stores` (`id`) ON DELETE SET NULL);
-- set sequence for "integration_endpoints" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("integration_endpoints", 141733920768);
-- create index "integrationendpoint_tenant_id" to table: "integration_endpoints"
CREATE INDEX `integrationendpoint_tenant_id` ON `integration_endpoints` (`tenant_id`);
-- create index "integrationendpoint_store_id" to table: "integration_endpoints"
CREATE INDEX `integrationendpoint_store_id` ON `integration_endpoints` (`store_id`);
