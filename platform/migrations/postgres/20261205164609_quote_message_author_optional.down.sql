-- reverse: modify "quote_messages" table
ALTER TABLE "quote_messages" ALTER COLUMN "author_id" SET NOT NULL;
