-- reverse: create index "reservation_approval_request_id" to table: "reservations"
DROP INDEX `reservation_approval_request_id`;
-- reverse: create index "reservation_order_id" to table: "reservations"
DROP INDEX `reservation_order_id`;
