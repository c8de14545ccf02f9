-- Children's social care database, modelled on the Standard Safeguarding Dataset (SSD).
-- Table and column names are the SSD's own (see ssd-fields.txt), so that an authority can point this subgraph
-- at its SSD extract. Two local tables (cms_*) hold what the SSD has no place for yet: the child's own words and
-- the child's and family's data-use wishes.
-- Written once in T-SQL types; SqlDialect translates it for PostgreSQL and SQLite takes it as it is.
-- Allocation columns (invo_professional_team, prof_professional_department, *_team) hold dept_team_id.

CREATE TABLE ssd_person (
    pers_person_id NVARCHAR(48) NOT NULL PRIMARY KEY,
    pers_legacy_id NVARCHAR(48) NULL,
    pers_forename NVARCHAR(100) NULL,
    pers_surname NVARCHAR(255) NULL,
    pers_sex NVARCHAR(1) NULL,
    pers_gender NVARCHAR(2) NULL,
    pers_ethnicity NVARCHAR(4) NULL,
    pers_dob DATE NULL,
    pers_common_child_id NVARCHAR(10) NULL,
    pers_upn_unknown NVARCHAR(6) NULL,
    pers_send_flag CHAR(1) NULL,
    pers_expected_dob DATE NULL,
    pers_death_date DATE NULL,
    pers_is_mother CHAR(1) NULL,
    pers_nationality NVARCHAR(48) NULL
);

CREATE TABLE ssd_address (
    addr_table_id NVARCHAR(48) NOT NULL PRIMARY KEY,
    addr_address_json NVARCHAR(1000) NULL,
    addr_person_id NVARCHAR(48) NOT NULL,
    addr_address_type NVARCHAR(48) NULL,
    addr_address_start_date DATE NULL,
    addr_address_end_date DATE NULL,
    addr_address_postcode NVARCHAR(15) NULL
);
CREATE INDEX ix_ssd_address_person ON ssd_address (addr_person_id);

CREATE TABLE ssd_linked_identifiers (
    link_table_id NVARCHAR(48) NOT NULL PRIMARY KEY,
    link_person_id NVARCHAR(48) NOT NULL,
    link_identifier_type NVARCHAR(100) NOT NULL,
    link_identifier_value NVARCHAR(100) NOT NULL,
    link_valid_from_date DATE NULL,
    link_valid_to_date DATE NULL
);
CREATE INDEX ix_ssd_linked_identifiers_person ON ssd_linked_identifiers (link_person_id);

CREATE TABLE ssd_disability (
    disa_table_id NVARCHAR(48) NOT NULL PRIMARY KEY,
    disa_person_id NVARCHAR(48) NOT NULL,
    disa_disability_code NVARCHAR(48) NOT NULL
);
CREATE INDEX ix_ssd_disability_person ON ssd_disability (disa_person_id);

CREATE TABLE ssd_cin_episodes (
    cine_referral_id NVARCHAR(48) NOT NULL PRIMARY KEY,
    cine_person_id NVARCHAR(48) NOT NULL,
    cine_referral_date DATE NULL,
    cine_cin_primary_need_code NVARCHAR(3) NULL,
    cine_referral_source_code NVARCHAR(48) NULL,
    cine_referral_source_desc NVARCHAR(255) NULL,
    cine_referral_outcome_json NVARCHAR(500) NULL,
    cine_referral_nfa CHAR(1) NULL,
    cine_close_reason NVARCHAR(3) NULL,
    cine_close_date DATE NULL,
    cine_referral_team NVARCHAR(48) NULL,
    cine_referral_worker_id NVARCHAR(100) NULL
);
CREATE INDEX ix_ssd_cin_episodes_person ON ssd_cin_episodes (cine_person_id);

CREATE TABLE ssd_cin_assessments (
    cina_assessment_id NVARCHAR(48) NOT NULL PRIMARY KEY,
    cina_person_id NVARCHAR(48) NOT NULL,
    cina_referral_id NVARCHAR(48) NULL,
    cina_assessment_start_date DATE NULL,
    cina_assessment_child_seen CHAR(1) NULL,
    cina_assessment_auth_date DATE NULL,
    cina_assessment_outcome_json NVARCHAR(1000) NULL,
    cina_assessment_outcome_nfa CHAR(1) NULL,
    cina_assessment_team NVARCHAR(48) NULL,
    cina_assessment_worker_id NVARCHAR(100) NULL
);
CREATE INDEX ix_ssd_cin_assessments_person ON ssd_cin_assessments (cina_person_id);

CREATE TABLE ssd_assessment_factors (
    cinf_table_id NVARCHAR(48) NOT NULL PRIMARY KEY,
    cinf_assessment_id NVARCHAR(48) NOT NULL,
    cinf_assessment_factors_json NVARCHAR(1000) NULL
);
CREATE INDEX ix_ssd_assessment_factors_assessment ON ssd_assessment_factors (cinf_assessment_id);

CREATE TABLE ssd_cin_plans (
    cinp_cin_plan_id NVARCHAR(48) NOT NULL PRIMARY KEY,
    cinp_referral_id NVARCHAR(48) NULL,
    cinp_person_id NVARCHAR(48) NOT NULL,
    cinp_cin_plan_start_date DATE NULL,
    cinp_cin_plan_end_date DATE NULL,
    cinp_cin_plan_team NVARCHAR(48) NULL,
    cinp_cin_plan_worker_id NVARCHAR(100) NULL
);
CREATE INDEX ix_ssd_cin_plans_person ON ssd_cin_plans (cinp_person_id);

CREATE TABLE ssd_s47_enquiry (
    s47e_s47_enquiry_id NVARCHAR(48) NOT NULL PRIMARY KEY,
    s47e_referral_id NVARCHAR(48) NULL,
    s47e_person_id NVARCHAR(48) NOT NULL,
    s47e_s47_start_date DATE NULL,
    s47e_s47_end_date DATE NULL,
    s47e_s47_nfa CHAR(1) NULL,
    s47e_s47_outcome_json NVARCHAR(1000) NULL,
    s47e_s47_completed_by_team NVARCHAR(48) NULL,
    s47e_s47_completed_by_worker_id NVARCHAR(100) NULL
);
CREATE INDEX ix_ssd_s47_enquiry_person ON ssd_s47_enquiry (s47e_person_id);

CREATE TABLE ssd_initial_cp_conference (
    icpc_icpc_id NVARCHAR(48) NOT NULL PRIMARY KEY,
    icpc_icpc_meeting_id NVARCHAR(48) NULL,
    icpc_s47_enquiry_id NVARCHAR(48) NULL,
    icpc_person_id NVARCHAR(48) NOT NULL,
    icpc_cp_plan_id NVARCHAR(48) NULL,
    icpc_referral_id NVARCHAR(48) NULL,
    icpc_icpc_transfer_in CHAR(1) NULL,
    icpc_icpc_target_date DATE NULL,
    icpc_icpc_date DATE NULL,
    icpc_icpc_outcome_cp_flag CHAR(1) NULL,
    icpc_icpc_outcome_json NVARCHAR(1000) NULL,
    icpc_icpc_team NVARCHAR(48) NULL,
    icpc_icpc_worker_id NVARCHAR(100) NULL
);
CREATE INDEX ix_ssd_initial_cp_conference_s47 ON ssd_initial_cp_conference (icpc_s47_enquiry_id);

CREATE TABLE ssd_cp_plans (
    cppl_cp_plan_id NVARCHAR(48) NOT NULL PRIMARY KEY,
    cppl_referral_id NVARCHAR(48) NULL,
    cppl_icpc_id NVARCHAR(48) NULL,
    cppl_person_id NVARCHAR(48) NOT NULL,
    cppl_cp_plan_start_date DATE NULL,
    cppl_cp_plan_end_date DATE NULL,
    cppl_cp_plan_ola CHAR(1) NULL,
    cppl_cp_plan_initial_category NVARCHAR(100) NULL,
    cppl_cp_plan_latest_category NVARCHAR(100) NULL
);
CREATE INDEX ix_ssd_cp_plans_person ON ssd_cp_plans (cppl_person_id);

CREATE TABLE ssd_cla_episodes (
    clae_cla_episode_id NVARCHAR(48) NOT NULL PRIMARY KEY,
    clae_person_id NVARCHAR(48) NOT NULL,
    clae_cla_placement_id NVARCHAR(48) NULL,
    clae_cla_episode_start_date DATE NULL,
    clae_cla_episode_start_reason NVARCHAR(100) NULL,
    clae_cla_primary_need_code NVARCHAR(3) NULL,
    clae_cla_episode_ceased_date DATE NULL,
    clae_cla_episode_ceased_reason NVARCHAR(255) NULL,
    clae_cla_id NVARCHAR(48) NULL,
    clae_referral_id NVARCHAR(48) NULL,
    clae_entered_care_date DATE NULL,
    clae_cla_last_iro_contact_date DATE NULL
);
CREATE INDEX ix_ssd_cla_episodes_person ON ssd_cla_episodes (clae_person_id);

CREATE TABLE ssd_cla_placement (
    clap_cla_placement_id NVARCHAR(48) NOT NULL PRIMARY KEY,
    clap_cla_id NVARCHAR(48) NULL,
    clap_person_id NVARCHAR(48) NOT NULL,
    clap_cla_placement_start_date DATE NULL,
    clap_cla_placement_type NVARCHAR(100) NULL,
    clap_cla_placement_urn NVARCHAR(48) NULL,
    clap_cla_placement_distance DECIMAL(7,2) NULL,
    clap_cla_placement_provider NVARCHAR(48) NULL,
    clap_cla_placement_postcode NVARCHAR(8) NULL,
    clap_cla_placement_end_date DATE NULL,
    clap_cla_placement_change_reason NVARCHAR(100) NULL
);
CREATE INDEX ix_ssd_cla_placement_person ON ssd_cla_placement (clap_person_id);

CREATE TABLE ssd_legal_status (
    lega_legal_status_id NVARCHAR(48) NOT NULL PRIMARY KEY,
    lega_person_id NVARCHAR(48) NOT NULL,
    lega_legal_status NVARCHAR(100) NULL,
    lega_legal_status_start_date DATE NULL,
    lega_legal_status_end_date DATE NULL
);
CREATE INDEX ix_ssd_legal_status_person ON ssd_legal_status (lega_person_id);

CREATE TABLE ssd_early_help_episodes (
    earl_episode_id NVARCHAR(48) NOT NULL PRIMARY KEY,
    earl_person_id NVARCHAR(48) NOT NULL,
    earl_episode_start_date DATE NULL,
    earl_episode_end_date DATE NULL,
    earl_episode_reason NVARCHAR(255) NULL,
    earl_episode_end_reason NVARCHAR(255) NULL,
    earl_episode_organisation NVARCHAR(255) NULL,
    earl_episode_worker_id NVARCHAR(100) NULL
);
CREATE INDEX ix_ssd_early_help_episodes_person ON ssd_early_help_episodes (earl_person_id);

CREATE TABLE ssd_department (
    dept_team_id NVARCHAR(48) NOT NULL PRIMARY KEY,
    dept_team_name NVARCHAR(255) NOT NULL,
    dept_team_parent_id NVARCHAR(48) NULL,
    dept_team_parent_name NVARCHAR(255) NULL
);

CREATE TABLE ssd_professionals (
    prof_professional_id NVARCHAR(48) NOT NULL PRIMARY KEY,
    prof_staff_id NVARCHAR(48) NULL,
    prof_professional_name NVARCHAR(300) NULL,
    prof_social_worker_registration_no NVARCHAR(48) NULL,
    prof_professional_job_title NVARCHAR(500) NULL,
    prof_professional_caseload INT NULL,
    prof_professional_department NVARCHAR(100) NULL,
    prof_full_time_equivalency DECIMAL(4,2) NULL,
    prof_agency_worker_flag CHAR(1) NULL
);
CREATE INDEX ix_ssd_professionals_department ON ssd_professionals (prof_professional_department);

CREATE TABLE ssd_involvements (
    invo_involvements_id NVARCHAR(48) NOT NULL PRIMARY KEY,
    invo_professional_id NVARCHAR(48) NOT NULL,
    invo_professional_role_id NVARCHAR(200) NULL,
    invo_professional_team NVARCHAR(48) NULL,
    invo_involvement_start_date DATE NULL,
    invo_involvement_end_date DATE NULL,
    invo_worker_change_reason NVARCHAR(200) NULL,
    invo_person_id NVARCHAR(48) NOT NULL,
    invo_referral_id NVARCHAR(48) NULL
);
CREATE INDEX ix_ssd_involvements_person ON ssd_involvements (invo_person_id);
CREATE INDEX ix_ssd_involvements_professional ON ssd_involvements (invo_professional_id, invo_involvement_end_date);
CREATE INDEX ix_ssd_involvements_team ON ssd_involvements (invo_professional_team, invo_involvement_end_date);

CREATE TABLE ssd_voice_of_child (
    voch_table_id NVARCHAR(48) NOT NULL PRIMARY KEY,
    voch_person_id NVARCHAR(48) NOT NULL,
    voch_explained_worries CHAR(1) NULL,
    voch_story_help_understand CHAR(1) NULL,
    voch_agree_worker CHAR(1) NULL,
    voch_plan_safe CHAR(1) NULL,
    voch_tablet_help_explain CHAR(1) NULL
);
CREATE INDEX ix_ssd_voice_of_child_person ON ssd_voice_of_child (voch_person_id);

CREATE TABLE cms_child_voice (
    cvoi_voice_id NVARCHAR(48) NOT NULL PRIMARY KEY,
    cvoi_person_id NVARCHAR(48) NOT NULL,
    cvoi_recorded_date DATE NOT NULL,
    cvoi_words NVARCHAR(1000) NOT NULL,
    cvoi_wishes_feelings NVARCHAR(1000) NULL,
    cvoi_recorded_by NVARCHAR(300) NOT NULL,
    cvoi_setting NVARCHAR(100) NOT NULL,
    cvoi_method NVARCHAR(100) NULL
);
CREATE INDEX ix_cms_child_voice_person ON cms_child_voice (cvoi_person_id);

CREATE TABLE cms_data_use_preference (
    dupr_preference_id NVARCHAR(48) NOT NULL PRIMARY KEY,
    dupr_person_id NVARCHAR(48) NOT NULL,
    dupr_code NVARCHAR(48) NOT NULL,
    dupr_data_category NVARCHAR(24) NOT NULL,
    dupr_withheld_purposes NVARCHAR(300) NULL,
    dupr_withheld_agencies NVARCHAR(300) NULL,
    dupr_expressed_by NVARCHAR(12) NOT NULL,
    dupr_statement NVARCHAR(1000) NOT NULL,
    dupr_recorded_date DATE NOT NULL,
    dupr_recorded_by NVARCHAR(300) NOT NULL
);
CREATE INDEX ix_cms_data_use_preference_person ON cms_data_use_preference (dupr_person_id);
