-- 0003-mileage.sql: reserved for this area's tables.
SELECT 1;
