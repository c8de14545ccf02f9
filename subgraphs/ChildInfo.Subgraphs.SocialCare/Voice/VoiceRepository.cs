using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.Kit.Types;

namespace ChildInfo.Subgraphs.SocialCare.Voice;

/// <summary>The child's own words, their questionnaire answers and the family's data-use wishes.</summary>
public sealed class VoiceRepository(AgencyDatabase database, QueryCounter counter)
{
    public async Task<IEnumerable<ChildVoice>> GetVoiceAsync(IReadOnlyCollection<string> personIds, CancellationToken cancellationToken)
    {
        counter.Record("voice.words");
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await SqlRows.QueryAsync(connection, $"""
            SELECT cvoi_voice_id, cvoi_person_id, cvoi_recorded_date, cvoi_words, cvoi_wishes_feelings,
                   cvoi_recorded_by, cvoi_setting, cvoi_method
            FROM cms_child_voice
            WHERE {database.Dialect.In("cvoi_person_id", "@ids")}
            ORDER BY cvoi_person_id, cvoi_recorded_date DESC, cvoi_voice_id
            """, new { ids = personIds.ToArray() }, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new ChildVoice
        {
            VoiceId = DbValue.RequiredText(r, "cvoi_voice_id"),
            OwnerId = DbValue.RequiredText(r, "cvoi_person_id"),
            RecordedOn = DbValue.Date(r, "cvoi_recorded_date")!.Value.ToDateTime(TimeOnly.MinValue),
            Words = DbValue.RequiredText(r, "cvoi_words"),
            WishesAndFeelings = DbValue.Text(r, "cvoi_wishes_feelings"),
            RecordedBy = DbValue.RequiredText(r, "cvoi_recorded_by"),
            Setting = DbValue.RequiredText(r, "cvoi_setting"),
            Method = DbValue.Text(r, "cvoi_method"),
        });
    }

    public async Task<IEnumerable<VoiceQuestionnaire>> GetQuestionnairesAsync(IReadOnlyCollection<string> personIds, CancellationToken cancellationToken)
    {
        counter.Record("voice.questionnaires");
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await SqlRows.QueryAsync(connection, $"""
            SELECT voch_table_id, voch_person_id, voch_explained_worries, voch_story_help_understand, voch_agree_worker,
                   voch_plan_safe, voch_tablet_help_explain
            FROM ssd_voice_of_child
            WHERE {database.Dialect.In("voch_person_id", "@ids")}
            ORDER BY voch_person_id, voch_table_id
            """, new { ids = personIds.ToArray() }, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new VoiceQuestionnaire
        {
            QuestionnaireId = DbValue.RequiredText(r, "voch_table_id"),
            PersonId = DbValue.RequiredText(r, "voch_person_id"),
            ExplainedWorries = DbValue.Flag(r, "voch_explained_worries"),
            StoryHelpsUnderstand = DbValue.Flag(r, "voch_story_help_understand"),
            AgreesWithWorker = DbValue.Flag(r, "voch_agree_worker"),
            PlanKeepsSafe = DbValue.Flag(r, "voch_plan_safe"),
            TabletHelpedExplain = DbValue.Flag(r, "voch_tablet_help_explain"),
        });
    }

    public async Task<IEnumerable<DataUsePreference>> GetPreferencesAsync(IReadOnlyCollection<string> personIds, CancellationToken cancellationToken)
    {
        counter.Record("voice.preferences");
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await SqlRows.QueryAsync(connection, $"""
            SELECT dupr_preference_id, dupr_person_id, dupr_code, dupr_data_category, dupr_withheld_purposes,
                   dupr_withheld_agencies, dupr_expressed_by, dupr_statement, dupr_recorded_date, dupr_recorded_by
            FROM cms_data_use_preference
            WHERE {database.Dialect.In("dupr_person_id", "@ids")}
            ORDER BY dupr_person_id, dupr_recorded_date, dupr_preference_id
            """, new { ids = personIds.ToArray() }, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new DataUsePreference
        {
            PreferenceId = DbValue.RequiredText(r, "dupr_preference_id"),
            OwnerId = DbValue.RequiredText(r, "dupr_person_id"),
            Code = DbValue.RequiredText(r, "dupr_code"),
            DataCategory = DbValue.RequiredText(r, "dupr_data_category"),
            WithheldFromPurposes = DbValue.Text(r, "dupr_withheld_purposes") ?? "",
            WithheldFromAgencies = DbValue.Text(r, "dupr_withheld_agencies") ?? "",
            ExpressedBy = DbValue.RequiredText(r, "dupr_expressed_by"),
            Statement = DbValue.RequiredText(r, "dupr_statement"),
            RecordedOn = DbValue.Date(r, "dupr_recorded_date")!.Value.ToDateTime(TimeOnly.MinValue),
            RecordedBy = DbValue.RequiredText(r, "dupr_recorded_by"),
        });
    }
}
