-- disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- create "new_quote_messages" table
CREATE TABLE `new_quote_messages` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `author_id` integer NULL, `side` text NOT NULL, `body` text NOT NULL, `quote_id` integer NOT NULL, `tenant_id` integer NOT NULL, CONSTRAINT `quote_messages_quotes_messages` FOREIGN KEY (`quote_id`) REFERENCES `quotes` (`id`) ON DELETE NO ACTION, CONSTRAINT `quote_messages_tenants_tenant` FOREIGN KEY (`tenant_id`) REFERENCES `tenants` (`id`) ON DELETE NO ACTION);
-- set sequence for "new_quote_messages" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_quote_messages", 197568495616);
-- copy rows from old table "quote_messages" to new temporary table "new_quote_messages"
INSERT INTO `new_quote_messages` (`id`, `created_at`, `updated_at`, `author_id`, `side`, `body`, `quote_id`, `tenant_id`) SELECT `id`, `created_at`, `updated_at`, `author_id`, `side`, `body`, `quote_id`, `tenant_id` FROM `quote_messages`;
-- drop "quote_messages" table after copying rows
DROP TABLE `quote_messages`;
-- rename temporary table "new_quote_messages" to "quote_messages"
ALTER TABLE `new_quote_messages` RENAME TO `quote_messages`;
-- create index "quotemessage_tenant_id" to table: "quote_messages"
CREATE INDEX `quotemessage_tenant_id` ON `quote_messages` (`tenant_id`);
-- create index "quotemessage_quote_id" to table: "quote_messages"
CREATE INDEX `quotemessage_quote_id` ON `quote_messages` (`quote_id`);
-- enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;
