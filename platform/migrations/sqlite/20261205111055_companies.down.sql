-- reverse: create index "employee_company_id" to table: "employees"
DROP INDEX `employee_company_id`;
-- reverse: create index "employee_user_id" to table: "employees"
DROP INDEX `employee_user_id`;
-- reverse: create index "employee_tenant_id" to table: "employees"
DROP INDEX `employee_tenant_id`;
-- reverse: set sequence for "employees" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "employees";
-- reverse: create "employees" table
DROP TABLE `employees`;
-- reverse: create index "company_tenant_id_handle" to table: "companies"
DROP INDEX `company_tenant_id_handle`;
-- reverse: create index "company_tenant_id" to table: "companies"
DROP INDEX `company_tenant_id`;
-- reverse: set sequence for "companies" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "companies";
-- reverse: create "companies" table
DROP TABLE `companies`;
