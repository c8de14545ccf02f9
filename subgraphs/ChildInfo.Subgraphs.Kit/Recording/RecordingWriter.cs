using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.Kit.Types;
using Dapper;

namespace ChildInfo.Subgraphs.Kit.Recording;

/// <summary>
/// Writes the child's words and the family's data-use wishes into an agency's own tables (<see cref="RecordingTables"/>),
/// the ones its reads come from, so the next request, and the gateway's next decision on the child's preferences, sees
/// them at once. Input is checked first (<see cref="RecordingValidator"/>); values go as parameters, never as SQL text.
/// </summary>
public sealed class RecordingWriter(AgencyDatabase database, QueryCounter counter, RecordingTables tables)
{
    public RecordingTables Tables => tables;

    public async Task<ChildVoice> RecordVoiceAsync(string ownerId, ChildVoiceInput input, string recordedBy, DateOnly on, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        counter.Record("voice.record");
        var voice = new ChildVoice
        {
            VoiceId = tables.Limits.NewId("CV"),
            OwnerId = ownerId,
            RecordedOn = on.ToDateTime(TimeOnly.MinValue),
            Words = input.Words,
            WishesAndFeelings = input.WishesAndFeelings,
            RecordedBy = recordedBy,
            Setting = input.Setting,
            Method = input.Method,
        };
        var t = tables.Voice;
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition($"""
            INSERT INTO {t.Table} ({t.Id}, {t.Owner}, {t.RecordedOn}, {t.Words}, {t.WishesAndFeelings}, {t.RecordedBy}, {t.Setting}, {t.Method})
            VALUES (@VoiceId, @OwnerId, @On, @Words, @WishesAndFeelings, @RecordedBy, @Setting, @Method)
            """, new { voice.VoiceId, voice.OwnerId, On = on, voice.Words, voice.WishesAndFeelings, voice.RecordedBy, voice.Setting, voice.Method },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return voice;
    }

    public async Task<DataUsePreference> RecordWishAsync(string ownerId, DataUseWishInput input, string recordedBy, DateOnly on, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        counter.Record("voice.recordWish");
        var wish = new DataUsePreference
        {
            PreferenceId = tables.Limits.NewId("DP"),
            OwnerId = ownerId,
            Code = input.Code,
            DataCategory = input.DataCategory,
            WithheldFromPurposes = string.Join(',', input.WithheldFromPurposes ?? []),
            WithheldFromAgencies = string.Join(',', input.WithheldFromAgencies ?? []),
            ExpressedBy = input.ExpressedBy,
            Statement = input.Statement,
            RecordedOn = on.ToDateTime(TimeOnly.MinValue),
            RecordedBy = recordedBy,
        };
        var t = tables.Wish;
        string? List(string joined) => joined.Length == 0 && tables.EmptyListsAsNull ? null : joined;
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition($"""
            INSERT INTO {t.Table} ({t.Id}, {t.Owner}, {t.Code}, {t.DataCategory}, {t.WithheldFromPurposes},
                                   {t.WithheldFromAgencies}, {t.ExpressedBy}, {t.Statement}, {t.RecordedOn}, {t.RecordedBy})
            VALUES (@PreferenceId, @OwnerId, @Code, @DataCategory, @WithheldFromPurposes, @WithheldFromAgencies, @ExpressedBy, @Statement, @On, @RecordedBy)
            """, new
            {
                wish.PreferenceId, wish.OwnerId, wish.Code, wish.DataCategory,
                WithheldFromPurposes = List(wish.WithheldFromPurposes),
                WithheldFromAgencies = List(wish.WithheldFromAgencies),
                wish.ExpressedBy, wish.Statement, On = on, wish.RecordedBy,
            }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return wish;
    }
}
