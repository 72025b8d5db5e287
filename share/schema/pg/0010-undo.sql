-- 0010-undo.sql: the commands, and the rows as they were, so that one
-- program invocation can be taken back as a whole (inno-undo).
-- The PostgreSQL translation of share/schema/0010-undo.sql (see
-- 0001-core.sql for how the translation goes).
--
-- A command is one invocation of a program that writes: when it ran, who
-- ran it, the program and its arguments.  lib/audit.c writes the row at
-- the first audit row of the invocation and puts its id in the command
-- column of every audit row the invocation writes, so the trail says which
-- rows belong together.  Like the trail, the commands are append-only.
-- undoes names the command an undo took back.
--
-- The change log now keeps the row as it was before each update and
-- delete, as a JSON object of its columns (old_row): an undo restores an
-- update and re-inserts a deleted row from it.  The update and delete
-- triggers of every table are created again to fill it in; the inserts
-- need nothing kept, since an undo of an insert deletes the rows of the
-- insert audit row's range.  Rows changed before this migration have no
-- old_row, and a command with such a change cannot be undone.
--
-- On PostgreSQL the update and delete triggers of every table call
-- inno_log_change (0008-audit.sql), so the function is made again and the
-- triggers stay.  It writes row_to_json(OLD): every column, by name, in
-- the table's order, which is the object SQLite's json_object writes with
-- its columns listed in that order, as every table's triggers list them
-- (integers as numbers, text as strings escaped alike, NULL as null, and
-- no spaces).  One table differs while a database is at this version
-- only: SQLite's triggers here leave out mileage_mvp's rules (0007), and
-- row_to_json has it; 0011 makes SQLite's triggers list it too.

CREATE TABLE command (
	id bigint PRIMARY KEY,		-- given by inno_next_id (0001)
	at text COLLATE "C" NOT NULL,		-- UTC, from the clock
	uid bigint NOT NULL,
	"user" text COLLATE "C" NOT NULL,
	program text COLLATE "C" NOT NULL,
	-- the arguments, as typed
	args text COLLATE "C" NOT NULL DEFAULT '',
	pid bigint NOT NULL,
	undoes bigint REFERENCES command (id) DEFERRABLE INITIALLY IMMEDIATE
);
CREATE TRIGGER command_next_id BEFORE INSERT ON command
FOR EACH ROW EXECUTE FUNCTION inno_next_id();
CREATE INDEX command_undoes ON command (undoes) WHERE undoes IS NOT NULL;
CREATE TRIGGER command_no_update BEFORE UPDATE ON command
FOR EACH ROW EXECUTE FUNCTION inno_refuse('the command list is append-only');
CREATE TRIGGER command_no_delete BEFORE DELETE ON command
FOR EACH ROW EXECUTE FUNCTION inno_refuse('the command list is append-only');
CREATE TRIGGER command_no_truncate BEFORE TRUNCATE ON command
FOR EACH STATEMENT EXECUTE FUNCTION
    inno_refuse('the command list is append-only');

ALTER TABLE audit ADD COLUMN command bigint;	-- command.id; NULL before
CREATE INDEX audit_command ON audit (command) WHERE command IS NOT NULL;
-- JSON, see above
ALTER TABLE audit_change ADD COLUMN old_row text COLLATE "C";

-- The audit rows with their command, for the modules that read the trail.
DROP VIEW audit_lines;
CREATE VIEW audit_lines AS
	SELECT id, at, "user", program, action, tbl, first_id, last_id, detail,
	    command
	FROM audit;

CREATE OR REPLACE FUNCTION inno_log_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO audit_change (tbl, action, first_id, old_row)
	VALUES (TG_TABLE_NAME, lower(TG_OP), OLD.id, row_to_json(OLD)::text);
	RETURN NULL;
END
$$;
CREATE OR REPLACE FUNCTION inno_log_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE format('INSERT INTO audit_change (tbl, action, first_id, '
	    'old_row) SELECT %L, ''delete'', t.id, row_to_json(t)::text '
	    'FROM %I.%I AS t ORDER BY t.id',
	    TG_TABLE_NAME, TG_TABLE_SCHEMA, TG_TABLE_NAME);
	RETURN NULL;
END
$$;

UPDATE inno_schema SET version = 10;
