using ChildInfo.Subgraphs.Kit.Data;

namespace ChildInfo.SampleData.Writers;

/// <summary>The social care database's tables (Standard Safeguarding Dataset names), gathered per chunk.</summary>
internal sealed class SocialCareTables
{
    public TableRows Person { get; } = new("ssd_person", "pers_person_id", "pers_legacy_id", "pers_forename", "pers_surname", "pers_sex",
        "pers_gender", "pers_ethnicity", "pers_dob", "pers_common_child_id", "pers_upn_unknown", "pers_send_flag");

    public TableRows Address { get; } = new("ssd_address", "addr_table_id", "addr_person_id", "addr_address_type",
        "addr_address_start_date", "addr_address_end_date", "addr_address_postcode");

    public TableRows LinkedIdentifiers { get; } = new("ssd_linked_identifiers", "link_table_id", "link_person_id", "link_identifier_type",
        "link_identifier_value", "link_valid_from_date", "link_valid_to_date");

    public TableRows Disability { get; } = new("ssd_disability", "disa_table_id", "disa_person_id", "disa_disability_code");

    public TableRows Referrals { get; } = new("ssd_cin_episodes", "cine_referral_id", "cine_person_id", "cine_referral_date",
        "cine_cin_primary_need_code", "cine_referral_source_code", "cine_referral_source_desc", "cine_referral_outcome_json",
        "cine_referral_nfa", "cine_close_reason", "cine_close_date", "cine_referral_team", "cine_referral_worker_id");

    public TableRows Assessments { get; } = new("ssd_cin_assessments", "cina_assessment_id", "cina_person_id", "cina_referral_id",
        "cina_assessment_start_date", "cina_assessment_child_seen", "cina_assessment_auth_date", "cina_assessment_outcome_json",
        "cina_assessment_outcome_nfa", "cina_assessment_team", "cina_assessment_worker_id");

    public TableRows AssessmentFactors { get; } = new("ssd_assessment_factors", "cinf_table_id", "cinf_assessment_id", "cinf_assessment_factors_json");

    public TableRows CinPlans { get; } = new("ssd_cin_plans", "cinp_cin_plan_id", "cinp_referral_id", "cinp_person_id",
        "cinp_cin_plan_start_date", "cinp_cin_plan_end_date", "cinp_cin_plan_team", "cinp_cin_plan_worker_id");

    public TableRows Section47 { get; } = new("ssd_s47_enquiry", "s47e_s47_enquiry_id", "s47e_referral_id", "s47e_person_id",
        "s47e_s47_start_date", "s47e_s47_end_date", "s47e_s47_nfa", "s47e_s47_outcome_json", "s47e_s47_completed_by_team",
        "s47e_s47_completed_by_worker_id");

    public TableRows Conferences { get; } = new("ssd_initial_cp_conference", "icpc_icpc_id", "icpc_icpc_meeting_id", "icpc_s47_enquiry_id",
        "icpc_person_id", "icpc_cp_plan_id", "icpc_referral_id", "icpc_icpc_transfer_in", "icpc_icpc_target_date", "icpc_icpc_date",
        "icpc_icpc_outcome_cp_flag", "icpc_icpc_outcome_json", "icpc_icpc_team", "icpc_icpc_worker_id");

    public TableRows CpPlans { get; } = new("ssd_cp_plans", "cppl_cp_plan_id", "cppl_referral_id", "cppl_icpc_id", "cppl_person_id",
        "cppl_cp_plan_start_date", "cppl_cp_plan_end_date", "cppl_cp_plan_ola", "cppl_cp_plan_initial_category", "cppl_cp_plan_latest_category");

    public TableRows CareEpisodes { get; } = new("ssd_cla_episodes", "clae_cla_episode_id", "clae_person_id", "clae_cla_placement_id",
        "clae_cla_episode_start_date", "clae_cla_episode_start_reason", "clae_cla_primary_need_code", "clae_cla_episode_ceased_date",
        "clae_cla_episode_ceased_reason", "clae_cla_id", "clae_referral_id", "clae_entered_care_date", "clae_cla_last_iro_contact_date");

    public TableRows Placements { get; } = new("ssd_cla_placement", "clap_cla_placement_id", "clap_cla_id", "clap_person_id",
        "clap_cla_placement_start_date", "clap_cla_placement_type", "clap_cla_placement_urn", "clap_cla_placement_provider",
        "clap_cla_placement_postcode", "clap_cla_placement_end_date", "clap_cla_placement_change_reason");

    public TableRows LegalStatus { get; } = new("ssd_legal_status", "lega_legal_status_id", "lega_person_id", "lega_legal_status",
        "lega_legal_status_start_date", "lega_legal_status_end_date");

    public TableRows EarlyHelp { get; } = new("ssd_early_help_episodes", "earl_episode_id", "earl_person_id", "earl_episode_start_date",
        "earl_episode_end_date", "earl_episode_reason", "earl_episode_end_reason", "earl_episode_organisation", "earl_episode_worker_id");

    public TableRows Involvements { get; } = new("ssd_involvements", "invo_involvements_id", "invo_professional_id", "invo_professional_role_id",
        "invo_professional_team", "invo_involvement_start_date", "invo_involvement_end_date", "invo_worker_change_reason", "invo_person_id",
        "invo_referral_id");

    public TableRows VoiceQuestionnaire { get; } = new("ssd_voice_of_child", "voch_table_id", "voch_person_id", "voch_explained_worries",
        "voch_story_help_understand", "voch_agree_worker", "voch_plan_safe", "voch_tablet_help_explain");

    public TableRows Voice { get; } = new("cms_child_voice", "cvoi_voice_id", "cvoi_person_id", "cvoi_recorded_date", "cvoi_words",
        "cvoi_wishes_feelings", "cvoi_recorded_by", "cvoi_setting", "cvoi_method");

    public TableRows Preferences { get; } = new("cms_data_use_preference", "dupr_preference_id", "dupr_person_id", "dupr_code",
        "dupr_data_category", "dupr_withheld_purposes", "dupr_withheld_agencies", "dupr_expressed_by", "dupr_statement",
        "dupr_recorded_date", "dupr_recorded_by");

    public async Task FlushAsync(BulkWriter writer, CancellationToken cancellationToken)
    {
        TableRows[] all = [Person, Address, LinkedIdentifiers, Disability, Referrals, Assessments, AssessmentFactors, CinPlans, Section47,
            Conferences, CpPlans, CareEpisodes, Placements, LegalStatus, EarlyHelp, Involvements, VoiceQuestionnaire, Voice, Preferences];
        foreach (var table in all)
        {
            await table.FlushAsync(writer, cancellationToken).ConfigureAwait(false);
        }
    }
}
