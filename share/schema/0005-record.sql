-- 0005-record.sql: reserved for this area's tables.
SELECT 1;
