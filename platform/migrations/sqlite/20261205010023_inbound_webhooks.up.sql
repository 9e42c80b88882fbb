-- create "inbound_webhooks" table
CREATE TABLE `inbound_webhooks` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `tenant_id` integer NULL, `store_id` integer NULL, `endpoint_id` integer NULL, `source` text NOT NULL, `webhook_id` text NOT NULL DEFAULT (''), `type` text NOT NULL DEFAULT (''), `status` text NOT NULL, `reason` text NULL, `payload` json NULL, `dedupe_key` text NULL, `received_at` datetime NOT NULL, `applied_at` datetime NULL);
-- set sequence for "inbound_webhooks" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("inbound_webhooks", 150323855360);
-- create index "inbound_webhooks_dedupe_key_key" to table: "inbound_webhooks"
CREATE UNIQUE INDEX `inbound_webhooks_dedupe_key_key` ON `inbound_webhooks` (`dedupe_key`);
-- create index "inboundwebhook_tenant_id_received_at" to table: "inbound_webhooks"
CREATE INDEX `inboundwebhook_tenant_id_received_at` ON `inbound_webhooks` (`tenant_id`, `received_at`);
-- create index "inboundwebhook_endpoint_id_status_received_at" to table: "inbound_webhooks"
CREATE INDEX `inboundwebhook_endpoint_id_status_received_at` ON `inbound_webhooks` (`endpoint_id`, `status`, `received_at`);
-- create index "inboundwebhook_source_status_received_at" to table: "inbound_webhooks"
CREATE INDEX `inboundwebhook_source_status_received_at` ON `inbound_webhooks` (`source`, `status`, `received_at`);
