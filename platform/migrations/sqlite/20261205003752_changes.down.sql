-- reverse: create index "outboxevent_aggregate_type_aggregate_id_sequence" to table: "outbox_events"
DROP INDEX `outboxevent_aggregate_type_aggregate_id_sequence`;
-- reverse: create index "outboxevent_tenant_id_id" to table: "outbox_events"
DROP INDEX `outboxevent_tenant_id_id`;
-- reverse: create index "outboxevent_published_at" to table: "outbox_events"
DROP INDEX `outboxevent_published_at`;
-- reverse: set sequence for "new_outbox_events" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "new_outbox_events";
-- reverse: create "new_outbox_events" table
DROP TABLE `new_outbox_events`;
