-- Orebook store, version 3: each load carries a request token, so that a load retried after its
-- commit was lost on the way back (a connection broken as the database answered, another process
-- taking over an H2 file) finds the change it made instead of making it again. The same SQL runs on
-- H2 and PostgreSQL (a unique index admits any number of NULLs: edits and approvals carry none).
ALTER TABLE change_set ADD COLUMN request VARCHAR(64);
CREATE UNIQUE INDEX change_set_by_request ON change_set (request);
