-- reverse: create index "webhookdelivery_created_at" to table: "webhook_deliveries"
DROP INDEX `webhookdelivery_created_at`;
-- reverse: create index "webhookdelivery_endpoint_id_created_at" to table: "webhook_deliveries"
DROP INDEX `webhookdelivery_endpoint_id_created_at`;
-- reverse: create index "webhookdelivery_endpoint_id_event_id_run_attempt" to table: "webhook_deliveries"
DROP INDEX `webhookdelivery_endpoint_id_event_id_run_attempt`;
-- reverse: create index "webhookdelivery_tenant_id" to table: "webhook_deliveries"
DROP INDEX `webhookdelivery_tenant_id`;
-- reverse: set sequence for "webhook_deliveries" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "webhook_deliveries";
-- reverse: create "webhook_deliveries" table
DROP TABLE `webhook_deliveries`;
