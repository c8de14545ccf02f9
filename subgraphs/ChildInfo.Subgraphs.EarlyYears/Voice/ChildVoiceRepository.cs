using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.Kit.Types;

namespace ChildInfo.Subgraphs.EarlyYears.Voice;

/// <summary>What the child showed or said: key person observations in the child's words, drawings described.</summary>
public sealed class ChildVoiceRepository(AgencyDatabase database, QueryCounter counter)
{
    public Task<IEnumerable<ChildVoice>> GetForChildrenAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        database.QueryAsync<ChildVoice>(counter, $"""
            SELECT VoiceId, EYChildId AS OwnerId, RecordedOn, Words, WishesAndFeelings, RecordedBy, Setting, Method
            FROM EY_VOICE
            WHERE {database.Dialect.In("EYChildId", "@ids")}
            ORDER BY EYChildId, RecordedOn DESC, VoiceId
            """, new { ids = ids.ToArray() }, cancellationToken);
}
