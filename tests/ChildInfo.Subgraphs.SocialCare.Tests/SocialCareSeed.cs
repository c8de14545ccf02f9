using ChildInfo.Subgraphs.Kit.Data;

namespace ChildInfo.Subgraphs.SocialCare.Tests;

/// <summary>
/// A handful of hand-made children covering each part of the record, plus 200 bare people for batching tests.
/// LA000001 is on a CP plan (a second one), LA000002 is looked after, LA000003 had early help and a closed
/// referral; W001 holds LA000001 and LA000002 now and held LA000003 once.
/// </summary>
internal static class SocialCareSeed
{
    public const int BulkPeople = 200;

    public static string BulkId(int i) => $"LA1{i:00000}";

    public static async Task WriteAsync(AgencyDatabase database)
    {
        await using var w = await BulkWriter.OpenAsync(database);
        await w.InsertAsync("ssd_person",
            ["pers_person_id", "pers_legacy_id", "pers_forename", "pers_surname", "pers_sex", "pers_gender", "pers_ethnicity", "pers_dob", "pers_common_child_id", "pers_upn_unknown", "pers_send_flag", "pers_nationality"],
            [
                ["LA000001", "OLD-77", "Amira", "Khan", "F", "02", "APKN", new DateOnly(2014, 3, 2), "9990000018", null, 'N', null],
                ["LA000002", null, "Jordan", "Smith", "M", "01", "WBRI", new DateOnly(2009, 11, 20), null, null, 'Y', null],
                ["LA000003", null, "Ella", "Brown", "F", "02", "MWBC", new DateOnly(2020, 6, 15), "9990000026", "UN1", 'N', null],
                .. Enumerable.Range(0, BulkPeople).Select(i => new object?[] { BulkId(i), null, "Child", $"Bulk{i:000}", i % 2 == 0 ? "F" : "M", null, "WBRI", new DateOnly(2012, 1, 1).AddDays(i), null, null, null, null }),
            ]);
        await w.InsertAsync("ssd_address",
            ["addr_table_id", "addr_person_id", "addr_address_type", "addr_address_start_date", "addr_address_end_date", "addr_address_postcode"],
            [
                ["AD1", "LA000001", "HOME", new DateOnly(2016, 1, 1), new DateOnly(2023, 5, 1), "NS14AB"],
                ["AD2", "LA000001", "HOME", new DateOnly(2023, 5, 1), null, "NS27CD"],
                ["AD3", "LA000002", "HOME", new DateOnly(2010, 1, 1), null, "NS31EF"],
            ]);
        await w.InsertAsync("ssd_linked_identifiers",
            ["link_table_id", "link_person_id", "link_identifier_type", "link_identifier_value", "link_valid_from_date", "link_valid_to_date"],
            [
                ["LI1", "LA000001", "Unique Pupil Number", "A999100021001", new DateOnly(2018, 9, 1), null],
                ["LI2", "LA000002", "Unique Pupil Number", "B999200013002", new DateOnly(2014, 9, 1), new DateOnly(2021, 9, 1)],
            ]);
        await w.InsertAsync("ssd_disability", ["disa_table_id", "disa_person_id", "disa_disability_code"],
            [["D1", "LA000002", "LD"], ["D2", "LA000002", "AUT"]]);
        await w.InsertAsync("ssd_cin_episodes",
            ["cine_referral_id", "cine_person_id", "cine_referral_date", "cine_cin_primary_need_code", "cine_referral_source_code", "cine_referral_source_desc", "cine_referral_nfa", "cine_close_reason", "cine_close_date", "cine_referral_team", "cine_referral_worker_id"],
            [
                ["R1", "LA000001", new DateOnly(2025, 2, 10), "N1", "2A", "Schools", 'N', null, null, "T-ASSESS", "W002"],
                ["R0", "LA000001", new DateOnly(2022, 4, 1), "N4", "6", "Police", 'N', "RC8", new DateOnly(2022, 9, 30), "T-ASSESS", "W002"],
                ["R3", "LA000003", new DateOnly(2024, 1, 5), "N5", "8", "Voluntary organisation", 'Y', "RC9", new DateOnly(2024, 1, 20), "T-ASSESS", "W002"],
            ]);
        await w.InsertAsync("ssd_cin_assessments",
            ["cina_assessment_id", "cina_person_id", "cina_referral_id", "cina_assessment_start_date", "cina_assessment_child_seen", "cina_assessment_auth_date", "cina_assessment_outcome_nfa", "cina_assessment_team", "cina_assessment_worker_id"],
            [["A1", "LA000001", "R1", new DateOnly(2025, 2, 11), 'Y', new DateOnly(2025, 3, 20), 'N', "T-ASSESS", "W002"]]);
        await w.InsertAsync("ssd_assessment_factors", ["cinf_table_id", "cinf_assessment_id", "cinf_assessment_factors_json"],
            [["F1", "A1", "[\"3A\",\"4B\",\"16A\"]"]]);
        await w.InsertAsync("ssd_cin_plans",
            ["cinp_cin_plan_id", "cinp_referral_id", "cinp_person_id", "cinp_cin_plan_start_date", "cinp_cin_plan_end_date", "cinp_cin_plan_team", "cinp_cin_plan_worker_id"],
            [["P1", "R1", "LA000001", new DateOnly(2025, 3, 21), new DateOnly(2025, 6, 1), "T-SAFE", "W001"]]);
        await w.InsertAsync("ssd_s47_enquiry",
            ["s47e_s47_enquiry_id", "s47e_referral_id", "s47e_person_id", "s47e_s47_start_date", "s47e_s47_end_date", "s47e_s47_nfa", "s47e_s47_outcome_json", "s47e_s47_completed_by_team", "s47e_s47_completed_by_worker_id"],
            [["S1", "R1", "LA000001", new DateOnly(2025, 5, 20), new DateOnly(2025, 6, 3), 'N',
                "{\"NFA_FLAG\":\"N\",\"LEGAL_ACTION_FLAG\":\"N\",\"PROV_OF_SERVICES_FLAG\":\"N\",\"PROV_OF_SB_CARE_FLAG\":\"N\",\"CP_CONFERENCE_FLAG\":\"Y\",\"NFA_CONTINUE_SINGLE_FLAG\":\"N\",\"MONITOR_FLAG\":\"N\",\"OTHER_OUTCOMES_EXIST_FLAG\":\"N\"}",
                "T-SAFE", "W001"]]);
        await w.InsertAsync("ssd_initial_cp_conference",
            ["icpc_icpc_id", "icpc_s47_enquiry_id", "icpc_person_id", "icpc_cp_plan_id", "icpc_referral_id", "icpc_icpc_transfer_in", "icpc_icpc_target_date", "icpc_icpc_date", "icpc_icpc_outcome_cp_flag"],
            [["IC1", "S1", "LA000001", "CP2", "R1", 'N', new DateOnly(2025, 6, 10), new DateOnly(2025, 6, 9), 'Y']]);
        await w.InsertAsync("ssd_cp_plans",
            ["cppl_cp_plan_id", "cppl_referral_id", "cppl_icpc_id", "cppl_person_id", "cppl_cp_plan_start_date", "cppl_cp_plan_end_date", "cppl_cp_plan_ola", "cppl_cp_plan_initial_category", "cppl_cp_plan_latest_category"],
            [
                ["CP1", "R0", null, "LA000001", new DateOnly(2022, 5, 1), new DateOnly(2022, 9, 1), 'N', "PHY", "PHY"],
                ["CP2", "R1", "IC1", "LA000001", new DateOnly(2025, 6, 9), null, 'N', "NEG", "EMO"],
            ]);
        await w.InsertAsync("ssd_legal_status",
            ["lega_legal_status_id", "lega_person_id", "lega_legal_status", "lega_legal_status_start_date", "lega_legal_status_end_date"],
            [
                ["L1", "LA000002", "V2", new DateOnly(2024, 1, 10), new DateOnly(2024, 4, 1)],
                ["L2", "LA000002", "C2", new DateOnly(2024, 4, 1), null],
            ]);
        await w.InsertAsync("ssd_cla_placement",
            ["clap_cla_placement_id", "clap_cla_id", "clap_person_id", "clap_cla_placement_start_date", "clap_cla_placement_type", "clap_cla_placement_provider", "clap_cla_placement_postcode", "clap_cla_placement_end_date", "clap_cla_placement_change_reason"],
            [
                ["PL1", "PC1", "LA000002", new DateOnly(2024, 1, 10), "U3", "PR1", "NS51GH", new DateOnly(2024, 4, 1), "CHANGE"],
                ["PL2", "PC1", "LA000002", new DateOnly(2024, 4, 1), "U1", "PR1", "NS62JK", null, null],
            ]);
        await w.InsertAsync("ssd_cla_episodes",
            ["clae_cla_episode_id", "clae_person_id", "clae_cla_placement_id", "clae_cla_episode_start_date", "clae_cla_episode_start_reason", "clae_cla_primary_need_code", "clae_cla_episode_ceased_date", "clae_cla_episode_ceased_reason", "clae_cla_id", "clae_entered_care_date"],
            [
                ["E1", "LA000002", "PL1", new DateOnly(2024, 1, 10), "S", "N1", new DateOnly(2024, 4, 1), "X1", "PC1", new DateOnly(2024, 1, 10)],
                ["E2", "LA000002", "PL2", new DateOnly(2024, 4, 1), "B", "N1", null, null, "PC1", new DateOnly(2024, 1, 10)],
            ]);
        await w.InsertAsync("ssd_early_help_episodes",
            ["earl_episode_id", "earl_person_id", "earl_episode_start_date", "earl_episode_end_date", "earl_episode_reason", "earl_episode_end_reason", "earl_episode_organisation", "earl_episode_worker_id"],
            [["EH1", "LA000003", new DateOnly(2024, 2, 1), new DateOnly(2024, 8, 1), "Parenting support", "Outcomes met", "Northshire Family Hub", "W003"]]);
        await w.InsertAsync("ssd_department", ["dept_team_id", "dept_team_name", "dept_team_parent_id", "dept_team_parent_name"],
            [
                ["T-SAFE", "Safeguarding Team North", "CSC", "Children's Social Care"],
                ["T-ASSESS", "Assessment Team", "CSC", "Children's Social Care"],
            ]);
        await w.InsertAsync("ssd_professionals",
            ["prof_professional_id", "prof_staff_id", "prof_professional_name", "prof_social_worker_registration_no", "prof_professional_job_title", "prof_professional_caseload", "prof_professional_department", "prof_full_time_equivalency", "prof_agency_worker_flag"],
            [
                ["W001", "S001", "Sam Okafor", "SW101010", "Social Worker", 14, "T-SAFE", 1.0m, 'N'],
                ["W002", "S002", "Priya Shah", "SW202020", "Senior Social Worker", 11, "T-ASSESS", 0.8m, 'N'],
                ["W004", "S004", "Lee Carter", null, "Team Manager", 0, "T-SAFE", 1.0m, 'Y'],
            ]);
        await w.InsertAsync("ssd_involvements",
            ["invo_involvements_id", "invo_professional_id", "invo_professional_role_id", "invo_professional_team", "invo_involvement_start_date", "invo_involvement_end_date", "invo_worker_change_reason", "invo_person_id", "invo_referral_id"],
            [
                ["I1", "W001", "Allocated Social Worker", "T-SAFE", new DateOnly(2025, 3, 21), null, null, "LA000001", "R1"],
                ["I2", "W002", "Allocated Social Worker", "T-ASSESS", new DateOnly(2024, 1, 10), new DateOnly(2024, 6, 1), "TSPROC", "LA000002", null],
                ["I3", "W001", "Allocated Social Worker", "T-SAFE", new DateOnly(2024, 6, 1), null, "TSPROC", "LA000002", null],
                ["I4", "W001", "Allocated Social Worker", "T-SAFE", new DateOnly(2024, 1, 5), new DateOnly(2024, 1, 20), null, "LA000003", "R3"],
            ]);
        await w.InsertAsync("ssd_voice_of_child",
            ["voch_table_id", "voch_person_id", "voch_explained_worries", "voch_story_help_understand", "voch_agree_worker", "voch_plan_safe", "voch_tablet_help_explain"],
            [["V1", "LA000001", 'Y', 'Y', 'N', 'Y', null]]);
        await w.InsertAsync("cms_child_voice",
            ["cvoi_voice_id", "cvoi_person_id", "cvoi_recorded_date", "cvoi_words", "cvoi_wishes_feelings", "cvoi_recorded_by", "cvoi_setting", "cvoi_method"],
            [
                ["CV1", "LA000001", new DateOnly(2025, 3, 1), "I like it when my auntie picks me up from school.", "I want to stay at my school.", "Social Worker, Sam Okafor", "School", "Direct conversation"],
                ["CV2", "LA000001", new DateOnly(2025, 7, 1), "Home is calmer now. I still worry about mum.", null, "Social Worker, Sam Okafor", "Home visit", "Drawing"],
            ]);
        await w.InsertAsync("cms_data_use_preference",
            ["dupr_preference_id", "dupr_person_id", "dupr_code", "dupr_data_category", "dupr_withheld_purposes", "dupr_withheld_agencies", "dupr_expressed_by", "dupr_statement", "dupr_recorded_date", "dupr_recorded_by"],
            [["DP1", "LA000001", "NO_RESEARCH_USE", "ALL", "research", "", "PARENT", "We don't want Amira's records used for research.", new DateOnly(2025, 3, 22), "Social Worker, Sam Okafor"]]);
    }
}
