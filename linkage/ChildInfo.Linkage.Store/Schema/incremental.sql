-- What linking one record between full runs needs, written by every full run: the model it estimated (m, u, λ, prior
-- and the term-frequency totals, as JSON), each record's identifying fields as its agency gave them, each record's
-- blocking keys (indexed: a record's candidates are the records sharing a key), how many records hold each name and
-- postcode, and a row for every record linked on its own (no child named: the record by its link id).
CREATE TABLE ci_link_model (
    run_id NVARCHAR(40) NOT NULL PRIMARY KEY,
    saved_at NVARCHAR(40) NOT NULL,
    model NVARCHAR(8000) NOT NULL
);
CREATE TABLE ci_link_record (
    record_key NVARCHAR(100) NOT NULL PRIMARY KEY,
    source_system NVARCHAR(30) NOT NULL,
    local_id NVARCHAR(64) NOT NULL,
    forename NVARCHAR(100) NULL,
    middle_name NVARCHAR(100) NULL,
    surname NVARCHAR(100) NULL,
    sex NVARCHAR(1) NULL,
    dob NVARCHAR(10) NULL,
    postcode NVARCHAR(20) NULL,
    nhs_number NVARCHAR(20) NULL,
    upn NVARCHAR(20) NULL
);
CREATE TABLE ci_link_block (
    block_key NVARCHAR(120) NOT NULL,
    record_key NVARCHAR(100) NOT NULL,
    PRIMARY KEY (block_key, record_key)
);
CREATE TABLE ci_link_term (
    field INT NOT NULL,
    term NVARCHAR(100) NOT NULL,
    records INT NOT NULL,
    PRIMARY KEY (field, term)
);
CREATE TABLE ci_link_update (
    update_id NVARCHAR(40) NOT NULL PRIMARY KEY,
    finished_at NVARCHAR(40) NOT NULL,
    source_system NVARCHAR(30) NOT NULL,
    link_id NVARCHAR(24) NOT NULL,
    outcome NVARCHAR(20) NOT NULL,
    match_method NVARCHAR(20) NOT NULL,
    new_child INT NOT NULL,
    moved INT NOT NULL,
    review INT NOT NULL
);
