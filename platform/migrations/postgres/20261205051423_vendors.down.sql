-- reverse: modify "stores" table
ALTER TABLE "stores" DROP CONSTRAINT "stores_vendors_stores", DROP COLUMN "vendor_id";
-- reverse: create index "membership_vendor_id" to table: "memberships"
DROP INDEX "membership_vendor_id";
-- reverse: modify "memberships" table
ALTER TABLE "memberships" DROP CONSTRAINT "memberships_vendors_vendor", DROP COLUMN "vendor_id";
-- reverse: create index "invitation_vendor_id" to table: "invitations"
DROP INDEX "invitation_vendor_id";
-- reverse: modify "invitations" table
ALTER TABLE "invitations" DROP CONSTRAINT "invitations_vendors_vendor", DROP COLUMN "vendor_id";
-- reverse: create index "vendor_tenant_id_handle" to table: "vendors"
DROP INDEX "vendor_tenant_id_handle";
-- reverse: create index "vendor_tenant_id" to table: "vendors"
DROP INDEX "vendor_tenant_id";
-- reverse: create "vendors" table
DROP TABLE "vendors";
