-- create "sync_jobs" table
CREATE TABLE `sync_jobs` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `store_id` integer NULL, `kind` text NOT NULL, `status` text NOT NULL DEFAULT ('queued'), `total` integer NOT NULL DEFAULT (0), `sent` integer NOT NULL DEFAULT (0), `failed` integer NOT NULL DEFAULT (0), `fixed` integer NOT NULL DEFAULT (0), `errors` json NULL, `cursor_entity` text NOT NULL DEFAULT (''), `cursor_id` integer NOT NULL DEFAULT (0), `since` datetime NULL, `started_at` datetime NULL, `finished_at` datetime NULL, `report` json NULL, `tenant_id` integer NOT NULL, `endpoint_id` integer NULL, CONSTRAINT `sync_jobs_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION, CONSTRAINT `sync_jobs_integration_endpoints_endpoint` FOREIGN KEY (`endpoint_id`) REFERENCES `integration_endpoints` (`id`) ON DELETE SET NULL);
-- set sequence for "sync_jobs" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("sync_jobs", 154618822656);
-- create index "syncjob_tenant_id" to table: "sync_jobs"
CREATE INDEX `syncjob_tenant_id` ON `sync_jobs` (`tenant_id`);
-- create index "syncjob_endpoint_id" to table: "sync_jobs"
CREATE INDEX `syncjob_endpoint_id` ON `sync_jobs` (`endpoint_id`);
-- create index "syncjob_store_id" to table: "sync_jobs"
CREATE INDEX `syncjob_store_id` ON `sync_jobs` (`store_id`);
-- create index "syncjob_status" to table: "sync_jobs"
CREATE INDEX `syncjob_status` ON `sync_jobs` (`status`);
