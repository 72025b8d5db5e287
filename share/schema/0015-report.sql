-- 0015-report.sql: the indexes the report's figures need, so that
-- report-build reads an index where it read the table row by row.
--
-- benchmark_figures serves inno_benchmark_figures (lib/benchmark.c): the
-- events of a period by kind and, for outgoing visits, by quarter, with
-- the people they counted.  It holds every column that statement reads,
-- so the period's range is one pass over the index and no row of the
-- table is fetched; through benchmark_date, which held the date alone,
-- every event of the period cost a lookup of its row.  Its first column
-- is the date, so it serves what benchmark_date served (the listing's
-- period and its order by date), and replaces it.  Indexes carry no
-- trigger: the change log of 0008-audit.sql is untouched.
DROP INDEX benchmark_date;
CREATE INDEX benchmark_figures ON benchmark (date, kind, people);
