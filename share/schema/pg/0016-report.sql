-- 0016-report.sql: the index the report's benchmarking figures need.
-- The PostgreSQL translation of share/schema/0016-report.sql (see
-- 0001-core.sql for how the translation goes).
--
-- benchmark_figures serves inno_benchmark_figures (lib/benchmark.c): the
-- events of a period by kind with the people they counted, and the
-- outgoing visits of the period by month.  Led by the kind, each kind's
-- events of the period are one range of it, read in the order the figures
-- group them (no sort), and it holds every column those statements read,
-- so no row of the table is fetched; through benchmark_date, which holds
-- the date alone, every event of the period cost a lookup of its row.
-- benchmark_date stays: it serves the listing's period and order by date.
-- An index carries no trigger: the change log of 0008-audit.sql is
-- untouched.
CREATE INDEX benchmark_figures ON benchmark (kind, date, people);

UPDATE inno_schema SET version = 16;
