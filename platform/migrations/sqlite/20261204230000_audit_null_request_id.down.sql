-- Nothing to undo: a null request id reads as "" in older code as well.
SELECT 1;
