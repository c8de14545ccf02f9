-- The linkage job's own tables beside the child index (ci_child, ci_record_link, ci_relationship): the pairs waiting
-- for a reviewer (replaced by every run), reviewers' decisions (appended; the latest on a pair counts) and the runs.
CREATE TABLE ci_link_review (
    pair_id NVARCHAR(16) NOT NULL PRIMARY KEY,
    record_a NVARCHAR(80) NOT NULL,
    record_b NVARCHAR(80) NOT NULL,
    probability DECIMAL(5,4) NOT NULL,
    match_weight DECIMAL(8,2) NOT NULL,
    evidence NVARCHAR(2000) NOT NULL,
    run_id NVARCHAR(40) NOT NULL
);
CREATE TABLE ci_link_decision (
    decision_id NVARCHAR(40) NOT NULL PRIMARY KEY,
    record_a NVARCHAR(80) NOT NULL,
    record_b NVARCHAR(80) NOT NULL,
    accepted INT NOT NULL,
    reviewer NVARCHAR(100) NOT NULL,
    reason NVARCHAR(500) NOT NULL,
    decided_at NVARCHAR(40) NOT NULL
);
CREATE INDEX ix_ci_link_decision_pair ON ci_link_decision (record_a, record_b);
CREATE TABLE ci_link_run (
    run_id NVARCHAR(40) NOT NULL PRIMARY KEY,
    finished_at NVARCHAR(40) NOT NULL,
    agencies NVARCHAR(400) NOT NULL,
    records INT NOT NULL,
    children INT NOT NULL,
    links INT NOT NULL,
    review INT NOT NULL,
    new_children INT NOT NULL,
    moved_records INT NOT NULL
);
