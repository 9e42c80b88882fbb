-- reverse: create index "inboundwebhook_source_status_received_at" to table: "inbound_webhooks"
DROP INDEX `inboundwebhook_source_status_received_at`;
-- reverse: create index "inboundwebhook_endpoint_id_status_received_at" to table: "inbound_webhooks"
DROP INDEX `inboundwebhook_endpoint_id_status_received_at`;
-- reverse: create index "inboundwebhook_tenant_id_received_at" to table: "inbound_webhooks"
DROP INDEX `inboundwebhook_tenant_id_received_at`;
-- reverse: create index "inbound_webhooks_dedupe_key_key" to table: "inbound_webhooks"
DROP INDEX `inbound_webhooks_dedupe_key_key`;
-- reverse: set sequence for "inbound_webhooks" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "inbound_webhooks";
-- reverse: create "inbound_webhooks" table
DROP TABLE `inbound_webhooks`;
