using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.Kit.Types;

namespace ChildInfo.Subgraphs.VoluntarySector.Voice;

/// <summary>Young people's own words and their data-use wishes, for a batch of participants.</summary>
public sealed class VoiceRepository(AgencyDatabase database, QueryCounter counter)
{
    public async Task<IEnumerable<ChildVoice>> GetVoiceAsync(IReadOnlyCollection<string> participantIds, CancellationToken cancellationToken)
    {
        counter.Record("voice.words");
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await SqlRows.QueryAsync(connection, $"""
            SELECT VoiceID, ParticipantID, RecordedDate, Words, WishesFeelings, RecordedBy, Setting, Method
            FROM tblVoice
            WHERE {database.Dialect.In("ParticipantID", "@ids")}
            ORDER BY ParticipantID, RecordedDate DESC, VoiceID
            """, new { ids = participantIds.ToArray() }, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new ChildVoice
        {
            VoiceId = DbValue.RequiredText(r, "VoiceID"),
            OwnerId = DbValue.RequiredText(r, "ParticipantID"),
            RecordedOn = (DbValue.Date(r, "RecordedDate") ?? default).ToDateTime(TimeOnly.MinValue),
            Words = DbValue.RequiredText(r, "Words"),
            WishesAndFeelings = DbValue.Text(r, "WishesFeelings"),
            RecordedBy = DbValue.RequiredText(r, "RecordedBy"),
            Setting = DbValue.RequiredText(r, "Setting"),
            Method = DbValue.Text(r, "Method"),
        });
    }

    public async Task<IEnumerable<DataUsePreference>> GetPreferencesAsync(IReadOnlyCollection<string> participantIds, CancellationToken cancellationToken)
    {
        counter.Record("voice.preferences");
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await SqlRows.QueryAsync(connection, $"""
            SELECT PreferenceID, ParticipantID, PreferenceCode, DataCategory, WithheldPurposes, WithheldAgencies,
                   ExpressedBy, Statement, RecordedDate, RecordedBy
            FROM tblDataUsePreference
            WHERE {database.Dialect.In("ParticipantID", "@ids")}
            ORDER BY ParticipantID, RecordedDate, PreferenceID
            """, new { ids = participantIds.ToArray() }, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new DataUsePreference
        {
            PreferenceId = DbValue.RequiredText(r, "PreferenceID"),
            OwnerId = DbValue.RequiredText(r, "ParticipantID"),
            Code = DbValue.RequiredText(r, "PreferenceCode"),
            DataCategory = DbValue.RequiredText(r, "DataCategory"),
            WithheldFromPurposes = DbValue.Text(r, "WithheldPurposes") ?? "",
            WithheldFromAgencies = DbValue.Text(r, "WithheldAgencies") ?? "",
            ExpressedBy = DbValue.RequiredText(r, "ExpressedBy"),
            Statement = DbValue.RequiredText(r, "Statement"),
            RecordedOn = (DbValue.Date(r, "RecordedDate") ?? default).ToDateTime(TimeOnly.MinValue),
            RecordedBy = DbValue.RequiredText(r, "RecordedBy"),
        });
    }
}
