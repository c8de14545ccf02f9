using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.Kit.Types;

namespace ChildInfo.Subgraphs.YouthJustice.Voice;

/// <summary>The child's own words and their data-use wishes, for a batch of cases.</summary>
public sealed class VoiceRepository(AgencyDatabase database, QueryCounter counter)
{
    public const string WordsQuery = "voice.words";
    public const string PreferencesQuery = "voice.preferences";

    public async Task<IEnumerable<ChildVoice>> GetVoiceAsync(IReadOnlyCollection<string> caseIds, CancellationToken cancellationToken)
    {
        counter.Record(WordsQuery);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await SqlRows.QueryAsync(connection, $"""
            SELECT voice_id, case_id, recorded_on, words, wishes_feelings, recorded_by, setting, method
            FROM yj_voice
            WHERE {database.Dialect.In("case_id", "@ids")}
            ORDER BY case_id, recorded_on DESC, voice_id
            """, new { ids = caseIds.ToArray() }, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new ChildVoice
        {
            VoiceId = DbValue.RequiredText(r, "voice_id"),
            OwnerId = DbValue.RequiredText(r, "case_id"),
            RecordedOn = (DbValue.Date(r, "recorded_on") ?? default).ToDateTime(TimeOnly.MinValue),
            Words = DbValue.RequiredText(r, "words"),
            WishesAndFeelings = DbValue.Text(r, "wishes_feelings"),
            RecordedBy = DbValue.RequiredText(r, "recorded_by"),
            Setting = DbValue.RequiredText(r, "setting"),
            Method = DbValue.Text(r, "method"),
        });
    }

    public async Task<IEnumerable<DataUsePreference>> GetPreferencesAsync(IReadOnlyCollection<string> caseIds, CancellationToken cancellationToken)
    {
        counter.Record(PreferencesQuery);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await SqlRows.QueryAsync(connection, $"""
            SELECT preference_id, case_id, preference_code, data_category, withheld_purposes, withheld_agencies,
                   expressed_by, statement_text, recorded_on, recorded_by
            FROM yj_data_use_preference
            WHERE {database.Dialect.In("case_id", "@ids")}
            ORDER BY case_id, recorded_on, preference_id
            """, new { ids = caseIds.ToArray() }, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new DataUsePreference
        {
            PreferenceId = DbValue.RequiredText(r, "preference_id"),
            OwnerId = DbValue.RequiredText(r, "case_id"),
            Code = DbValue.RequiredText(r, "preference_code"),
            DataCategory = DbValue.RequiredText(r, "data_category"),
            WithheldFromPurposes = DbValue.Text(r, "withheld_purposes") ?? "",
            WithheldFromAgencies = DbValue.Text(r, "withheld_agencies") ?? "",
            ExpressedBy = DbValue.RequiredText(r, "expressed_by"),
            Statement = DbValue.RequiredText(r, "statement_text"),
            RecordedOn = (DbValue.Date(r, "recorded_on") ?? default).ToDateTime(TimeOnly.MinValue),
            RecordedBy = DbValue.RequiredText(r, "recorded_by"),
        });
    }
}
