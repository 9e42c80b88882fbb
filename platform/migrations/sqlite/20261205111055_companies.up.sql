-- create "companies" table
CREATE TABLE `companies` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `handle` text NOT NULL, `name` text NOT NULL, `tax_id` text NULL, `billing_address` json NULL, `shipping_address` json NULL, `status` text NOT NULL DEFAULT ('active'), `currency_code` text NOT NULL, `discount_bps` integer NOT NULL DEFAULT (0), `payment_terms` text NOT NULL DEFAULT ('pay_now'), `time_zone` text NOT NULL DEFAULT ('UTC'), `approval` text NOT NULL DEFAULT ('none'), `approval_threshold` integer NULL, `metadata` json NULL, `tenant_id` integer NOT NULL, CONSTRAINT `companies_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION);
-- set sequence for "companies" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("companies", 180388626432);
-- create index "company_tenant_id" to table: "companies"
CREATE INDEX `company_tenant_id` ON `companies` (`tenant_id`);
-- create index "company_tenant_id_handle" to table: "companies"
CREATE UNIQUE INDEX `company_tenant_id_handle` ON `companies` (`tenant_id`, `handle`);
-- create "employees" table
CREATE TABLE `employees` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `version` integer NOT NULL DEFAULT (1), `role` text NOT NULL DEFAULT ('buyer'), `status` text NOT NULL DEFAULT ('active'), `spending_limit` integer NULL, `spending_period` text NULL, `company_id` integer NOT NULL, `tenant_id` integer NOT NULL, `user_id` integer NOT NULL, CONSTRAINT `employees_companies_employees` FOREIGN KEY (`company_id`) REFERENCES `companies` (`id`) ON DELETE NO ACTION, CONSTRAINT `employees_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION, CONSTRAINT `employees_users_user` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE);
-- set sequence for "employees" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("employees", 184683593728);
-- create index "employee_tenant_id" to table: "employees"
CREATE INDEX `employee_tenant_id` ON `employees` (`tenant_id`);
-- create index "employee_user_id" to table: "employees"
CREATE UNIQUE INDEX `employee_user_id` ON `employees` (`user_id`);
-- create index "employee_company_id" to table: "employees"
CREATE INDEX `employee_company_id` ON `employees` (`company_id`);
