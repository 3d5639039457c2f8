-- Orebook store, version 2: a company's datasets of different periods side by side, and one
-- lock row that serialises writers. The same SQL runs on H2 and PostgreSQL.

-- Every row belongs to a dataset: the release period of the folder it was loaded from (an opaque
-- period code, e.g. 'FY2003' or 'Q1 2004'). A load replaces the rows of its own dataset only.
ALTER TABLE row_version ADD COLUMN dataset VARCHAR(40);
UPDATE row_version SET dataset = (SELECT c.release_period FROM company c WHERE c.id = row_version.company_id);
ALTER TABLE row_version ALTER COLUMN dataset SET NOT NULL;
CREATE INDEX row_version_by_dataset ON row_version (company_id, dataset, change_id);

-- The header of each file of each dataset as last loaded (was company_file, one set per company).
CREATE TABLE dataset_file (
  company_id  VARCHAR(100) NOT NULL REFERENCES company(id),
  dataset     VARCHAR(40)  NOT NULL,
  file        VARCHAR(100) NOT NULL,
  header      VARCHAR(4000) NOT NULL,
  PRIMARY KEY (company_id, dataset, file)
);
INSERT INTO dataset_file (company_id, dataset, file, header)
  SELECT f.company_id, c.release_period, f.file, f.header FROM company_file f JOIN company c ON c.id = f.company_id;
DROP TABLE company_file;

-- Which dataset an audited row change belongs to (NULL for approvals, which concern a period).
ALTER TABLE audit_entry ADD COLUMN dataset VARCHAR(40);
UPDATE audit_entry SET dataset = (SELECT c.release_period FROM change_set s JOIN company c ON c.id = s.company_id
  WHERE s.id = audit_entry.change_id) WHERE file IS NOT NULL;

-- The newest change of a company (the web server's cache key) without a scan.
CREATE INDEX change_set_by_company ON change_set (company_id, id);

-- One row every writer updates first, inside its transaction: writers take turns (the database
-- holds the row lock until commit) while readers go on reading.
CREATE TABLE store_lock (
  id      INTEGER PRIMARY KEY,
  holder  VARCHAR(200),
  since   TIMESTAMP WITH TIME ZONE
);
INSERT INTO store_lock (id, holder, since) VALUES (1, NULL, NULL);
