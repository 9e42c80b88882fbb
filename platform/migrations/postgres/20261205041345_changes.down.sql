-- reverse: create index "webhookdelivery_event_id_endpoint_id_run_attempt" to table: "webhook_deliveries"
DROP INDEX "webhookdelivery_event_id_endpoint_id_run_attempt";
-- reverse: modify "webhook_deliveries" table
ALTER TABLE "webhook_deliveries" ALTER COLUMN "status" SET DEFAULT 'pending';
-- reverse: drop index "webhookdelivery_endpoint_id_event_id_run_attempt" from table: "webhook_deliveries"
CREATE UNIQUE INDEX "webhookdelivery_endpoint_id_event_id_run_attempt" ON "webhook_deliveries" ("endpoint_id", "event_id", "run", "attempt");
