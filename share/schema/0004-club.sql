-- 0004-club.sql: reserved for this area's tables.
SELECT 1;
