-- reverse: create index "syncjob_tenant_id" to table: "sync_jobs"
DROP INDEX "syncjob_tenant_id";
-- reverse: create index "syncjob_store_id" to table: "sync_jobs"
DROP INDEX "syncjob_store_id";
-- reverse: create index "syncjob_status" to table: "sync_jobs"
DROP INDEX "syncjob_status";
-- reverse: create index "syncjob_endpoint_id" to table: "sync_jobs"
DROP INDEX "syncjob_endpoint_id";
-- reverse: create "sync_jobs" table
DROP TABLE "sync_jobs";
