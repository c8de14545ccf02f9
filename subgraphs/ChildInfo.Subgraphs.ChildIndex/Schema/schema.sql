-- Child index: one row per child (an opaque, stable, pseudonymous id and the best-known demographics) and
-- one link per agency record that belongs to that child, with how the match was made and how sure it is. A link the
-- linkage job made also holds its match weight (log2 odds) and each field's comparison (JSON: field, comparison,
-- weight); both are null for links written otherwise.
CREATE TABLE ci_child (
    child_id NVARCHAR(16) NOT NULL PRIMARY KEY,
    forename NVARCHAR(60) NOT NULL,
    middle_name NVARCHAR(60) NULL,
    surname NVARCHAR(60) NOT NULL,
    sex CHAR(1) NOT NULL,
    dob DATE NOT NULL,
    postcode NVARCHAR(10) NOT NULL,
    nhs_number NVARCHAR(10) NULL,
    upn NVARCHAR(13) NULL,
    created_on DATE NOT NULL,
    ethnicity NVARCHAR(4) NULL
);
CREATE INDEX ix_ci_child_surname ON ci_child (surname);
CREATE INDEX ix_ci_child_dob ON ci_child (dob);
CREATE INDEX ix_ci_child_postcode ON ci_child (postcode);
CREATE TABLE ci_record_link (
    link_id NVARCHAR(24) NOT NULL PRIMARY KEY,
    child_id NVARCHAR(16) NOT NULL,
    source_system NVARCHAR(30) NOT NULL,
    local_id NVARCHAR(32) NOT NULL,
    match_method NVARCHAR(20) NOT NULL,
    match_confidence DECIMAL(5,4) NOT NULL,
    linked_on DATE NOT NULL,
    match_weight DECIMAL(8,2) NULL,
    match_evidence NVARCHAR(2000) NULL
);
CREATE INDEX ix_ci_link_child ON ci_record_link (child_id);
CREATE INDEX ix_ci_link_local ON ci_record_link (source_system, local_id);
-- Legitimate relationships, fed by the agencies: who holds a child's case now. kind is caseload, school_roll or
-- setting; holder_type is user, team, organisation, school or setting; holder is that user id, team id,
-- organisation id or URN. A relationship counts while it has no end date. Record scope is decided against it.
CREATE TABLE ci_relationship (
    relationship_id NVARCHAR(64) NOT NULL PRIMARY KEY,
    child_id NVARCHAR(16) NOT NULL,
    kind NVARCHAR(16) NOT NULL,
    holder_type NVARCHAR(16) NOT NULL,
    holder NVARCHAR(64) NOT NULL,
    source_system NVARCHAR(30) NOT NULL,
    start_date DATE NULL,
    end_date DATE NULL
);
CREATE INDEX ix_ci_relationship_child ON ci_relationship (child_id, kind);
CREATE INDEX ix_ci_relationship_holder ON ci_relationship (kind, holder_type, holder);
-- Where each postcode lies, for counting by area: the LSOA and ward (codes and names) and the LSOA's IDACI decile
-- (1 = the most deprived tenth of England's LSOAs). A real authority loads it from the ONS postcode directory and the
-- English indices of deprivation; the sample data generator writes a fictional one for Northshire.
CREATE TABLE ci_postcode_geography (
    postcode NVARCHAR(10) NOT NULL PRIMARY KEY,
    lsoa NVARCHAR(9) NOT NULL,
    lsoa_name NVARCHAR(60) NOT NULL,
    ward NVARCHAR(9) NOT NULL,
    ward_name NVARCHAR(60) NOT NULL,
    idaci_decile INT NOT NULL
);
