-- reverse: create index "integrationendpoint_store_id" to table: "integration_endpoints"
DROP INDEX `integrationendpoint_store_id`;
-- reverse: create index "integrationendpoint_tenant_id" to table: "integration_endpoints"
DROP INDEX `integrationendpoint_tenant_id`;
-- reverse: set sequence for "integration_endpoints" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "integration_endpoints";
-- reverse: create "integration_endpoints" table
DROP TABLE `integration_endpoints`;
