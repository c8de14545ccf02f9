-- Youth justice service case management system: the children the service works with (each matched to the child
-- index when they were taken on) and their cases, one per legal outcome, with the case worker, the latest
-- AssetPlus ratings, the child's own words from the assessment and their data-use wishes.
-- Codes follow the YJB's case-level vocabulary: outcome types and tiers as the Youth Justice Statistics group them,
-- offence groups as the Home Office and Ministry of Justice classify offences (see Cases/*.cs for the lists).
-- Written once in T-SQL types; SqlDialect translates it for PostgreSQL and SQLite takes it as it is.

CREATE TABLE yj_person (
    person_id NVARCHAR(24) NOT NULL PRIMARY KEY,
    child_index_id NVARCHAR(16) NULL,
    forename NVARCHAR(60) NULL,
    surname NVARCHAR(60) NULL,
    dob DATE NULL,
    sex CHAR(1) NULL,
    matched_on DATE NULL
);
CREATE INDEX ix_yj_person_child ON yj_person (child_index_id);

CREATE TABLE yj_case (
    case_id NVARCHAR(24) NOT NULL PRIMARY KEY,
    person_id NVARCHAR(24) NOT NULL,
    outcome_type NVARCHAR(40) NOT NULL,
    offence_category NVARCHAR(48) NOT NULL,
    offence_date DATE NOT NULL,
    outcome_date DATE NOT NULL,
    case_worker_id NVARCHAR(64) NULL,
    case_worker_name NVARCHAR(100) NOT NULL,
    case_team_id NVARCHAR(64) NULL,
    case_worker_team NVARCHAR(100) NOT NULL,
    assessed_on DATE NULL,
    likelihood_of_reoffending NVARCHAR(10) NULL,
    risk_of_serious_harm NVARCHAR(10) NULL,
    safety_and_wellbeing NVARCHAR(10) NULL,
    case_status NVARCHAR(6) NOT NULL,
    closed_on DATE NULL
);
CREATE INDEX ix_yj_case_person ON yj_case (person_id);

CREATE TABLE yj_voice (
    voice_id NVARCHAR(24) NOT NULL PRIMARY KEY,
    case_id NVARCHAR(24) NOT NULL,
    recorded_on DATE NOT NULL,
    words NVARCHAR(1000) NOT NULL,
    wishes_feelings NVARCHAR(1000) NULL,
    recorded_by NVARCHAR(200) NOT NULL,
    setting NVARCHAR(100) NOT NULL,
    method NVARCHAR(100) NULL
);
CREATE INDEX ix_yj_voice_case ON yj_voice (case_id);

CREATE TABLE yj_data_use_preference (
    preference_id NVARCHAR(24) NOT NULL PRIMARY KEY,
    case_id NVARCHAR(24) NOT NULL,
    preference_code NVARCHAR(48) NOT NULL,
    data_category NVARCHAR(24) NOT NULL,
    withheld_purposes NVARCHAR(300) NULL,
    withheld_agencies NVARCHAR(300) NULL,
    expressed_by NVARCHAR(12) NOT NULL,
    statement_text NVARCHAR(1000) NOT NULL,
    recorded_on DATE NOT NULL,
    recorded_by NVARCHAR(200) NOT NULL
);
CREATE INDEX ix_yj_data_use_preference_case ON yj_data_use_preference (case_id);
