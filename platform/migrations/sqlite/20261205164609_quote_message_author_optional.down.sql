-- reverse: create index "quotemessage_quote_id" to table: "quote_messages"
DROP INDEX `quotemessage_quote_id`;
-- reverse: create index "quotemessage_tenant_id" to table: "quote_messages"
DROP INDEX `quotemessage_tenant_id`;
-- reverse: set sequence for "new_quote_messages" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "new_quote_messages";
-- reverse: create "new_quote_messages" table
DROP TABLE `new_quote_messages`;
