-- reverse: create index "outboxevent_tenant_id_id" to table: "outbox_events"
DROP INDEX "outboxevent_tenant_id_id";
-- reverse: create index "outboxevent_aggregate_type_aggregate_id_sequence" to table: "outbox_events"
DROP INDEX "outboxevent_aggregate_type_aggregate_id_sequence";
-- reverse: modify "outbox_events" table
ALTER TABLE "outbox_events" DROP COLUMN "target_endpoint_id", DROP COLUMN "origin_endpoint_id", DROP COLUMN "sequence", DROP COLUMN "aggregate_id", DROP COLUMN "aggregate_type", DROP COLUMN "store_id";
