-- reverse: create index "webhookdelivery_created_at" to table: "webhook_deliveries"
DROP INDEX `webhookdelivery_created_at`;
-- reverse: create index "webhookdelivery_endpoint_id_created_at" to table: "webhook_deliveries"
DROP INDEX `webhookdelivery_endpoint_id_created_at`;
-- reverse: create index "webhookdelivery_event_id_endpoint_id_run_attempt" to table: "webhook_deliveries"
DROP INDEX `webhookdelivery_event_id_endpoint_id_run_attempt`;
-- reverse: create index "webhookdelivery_tenant_id" to table: "webhook_deliveries"
DROP INDEX `webhookdelivery_tenant_id`;
-- reverse: set sequence for "new_webhook_deliveries" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "new_webhook_deliveries";
-- reverse: create "new_webhook_deliveries" table
DROP TABLE `new_webhook_deliveries`;
