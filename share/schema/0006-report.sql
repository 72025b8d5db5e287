-- 0006-report.sql: reserved for this area's tables.
SELECT 1;
