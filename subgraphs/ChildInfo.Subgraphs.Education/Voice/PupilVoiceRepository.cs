using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.Kit.Types;

namespace ChildInfo.Subgraphs.Education.Voice;

/// <summary>Pupil voice: school council, learning mentor conversations, pupil surveys.</summary>
public sealed class PupilVoiceRepository(AgencyDatabase database, QueryCounter counter)
{
    public Task<IEnumerable<ChildVoice>> GetForPupilsAsync(IReadOnlyCollection<string> upns, CancellationToken cancellationToken) =>
        database.QueryAsync<ChildVoice>(counter, $"""
            SELECT VoiceId, UPN AS OwnerId, RecordedOn, Words, WishesAndFeelings, RecordedBy, Setting, Method
            FROM PUPIL_VOICE
            WHERE {database.Dialect.In("UPN", "@upns")}
            ORDER BY UPN, RecordedOn DESC, VoiceId
            """, new { upns = upns.ToArray() }, cancellationToken);
}
