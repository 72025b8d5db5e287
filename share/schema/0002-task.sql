-- 0002-task.sql: reserved for this area's tables.
SELECT 1;
