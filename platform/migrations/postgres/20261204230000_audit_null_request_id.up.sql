-- Changes made outside a request store a null request id, not "".
UPDATE audit_logs SET request_id = NULL WHERE request_id = '';
