-- attempts recorded as under way before attempts were recorded once over: their tasks make them again
DELETE FROM webhook_deliveries WHERE status = 'pending';
-- drop index "webhookdelivery_endpoint_id_event_id_run_attempt" from table: "webhook_deliveries"
DROP INDEX "webhookdelivery_endpoint_id_event_id_run_attempt";
-- modify "webhook_deliveries" table
ALTER TABLE "webhook_deliveries" ALTER COLUMN "status" DROP DEFAULT;
-- create index "webhookdelivery_event_id_endpoint_id_run_attempt" to table: "webhook_deliveries"
CREATE UNIQUE INDEX "webhookdelivery_event_id_endpoint_id_run_attempt" ON "webhook_deliveries" ("event_id", "endpoint_id", "run", "attempt");
