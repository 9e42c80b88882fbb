-- modify "outbox_events" table
ALTER TABLE "outbox_events" ADD COLUMN "store_id" bigint NULL, ADD COLUMN "aggregate_type" character varying NOT NULL DEFAULT '', ADD COLUMN "aggregate_id" bigint NOT NULL DEFAULT 0, ADD COLUMN "sequence" bigint NOT NULL DEFAULT 0, ADD COLUMN "origin_endpoint_id" bigint NULL, ADD COLUMN "target_endpoint_id" bigint NULL;
-- create index "outboxevent_aggregate_type_aggregate_id_sequence" to table: "outbox_events"
CREATE INDEX "outboxevent_aggregate_type_aggregate_id_sequence" ON "outbox_events" ("aggregate_type", "aggregate_id", "sequence");
-- create index "outboxevent_tenant_id_id" to table: "outbox_events"
CREATE INDEX "outboxevent_tenant_id_id" ON "outbox_events" ("tenant_id", "id");
