-- create index "reservation_order_id" to table: "reservations"
CREATE INDEX `reservation_order_id` ON `reservations` (`order_id`);
-- create index "reservation_approval_request_id" to table: "reservations"
CREATE INDEX `reservation_approval_request_id` ON `reservations` (`approval_request_id`);
