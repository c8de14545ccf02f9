using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.Kit.Recording;
using ChildInfo.Subgraphs.Kit.Types;
using Dapper;

namespace ChildInfo.Subgraphs.SocialCare.Voice;

/// <summary>
/// Writes the child's words and the family's data-use wishes into the tables the reads come from, so the next
/// request, and the gateway's next decision on the child's preferences, sees them at once.
/// </summary>
public sealed class VoiceRecorder(AgencyDatabase database, QueryCounter counter)
{
    public async Task<ChildVoice> RecordVoiceAsync(string personId, ChildVoiceInput input, string recordedBy, DateOnly on, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        counter.Record("voice.record");
        var voice = new ChildVoice
        {
            VoiceId = NewId("CV"),
            OwnerId = personId,
            RecordedOn = on.ToDateTime(TimeOnly.MinValue),
            Words = input.Words,
            WishesAndFeelings = input.WishesAndFeelings,
            RecordedBy = recordedBy,
            Setting = input.Setting,
            Method = input.Method,
        };
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO cms_child_voice (cvoi_voice_id, cvoi_person_id, cvoi_recorded_date, cvoi_words, cvoi_wishes_feelings,
                                         cvoi_recorded_by, cvoi_setting, cvoi_method)
            VALUES (@VoiceId, @OwnerId, @On, @Words, @WishesAndFeelings, @RecordedBy, @Setting, @Method)
            """, new { voice.VoiceId, voice.OwnerId, On = on, voice.Words, voice.WishesAndFeelings, voice.RecordedBy, voice.Setting, voice.Method },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return voice;
    }

    public async Task<DataUsePreference> RecordWishAsync(string personId, DataUseWishInput input, string recordedBy, DateOnly on, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        counter.Record("voice.recordWish");
        var wish = new DataUsePreference
        {
            PreferenceId = NewId("DP"),
            OwnerId = personId,
            Code = input.Code,
            DataCategory = input.DataCategory,
            WithheldFromPurposes = string.Join(',', input.WithheldFromPurposes ?? []),
            WithheldFromAgencies = string.Join(',', input.WithheldFromAgencies ?? []),
            ExpressedBy = input.ExpressedBy,
            Statement = input.Statement,
            RecordedOn = on.ToDateTime(TimeOnly.MinValue),
            RecordedBy = recordedBy,
        };
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO cms_data_use_preference (dupr_preference_id, dupr_person_id, dupr_code, dupr_data_category, dupr_withheld_purposes,
                                                 dupr_withheld_agencies, dupr_expressed_by, dupr_statement, dupr_recorded_date, dupr_recorded_by)
            VALUES (@PreferenceId, @OwnerId, @Code, @DataCategory, @WithheldFromPurposes, @WithheldFromAgencies, @ExpressedBy, @Statement, @On, @RecordedBy)
            """, new
            {
                wish.PreferenceId, wish.OwnerId, wish.Code, wish.DataCategory,
                WithheldFromPurposes = wish.WithheldFromPurposes.Length == 0 ? null : wish.WithheldFromPurposes,
                WithheldFromAgencies = wish.WithheldFromAgencies.Length == 0 ? null : wish.WithheldFromAgencies,
                wish.ExpressedBy, wish.Statement, On = on, wish.RecordedBy,
            }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return wish;
    }

    /// <summary>A new record id: unguessable and never reused, within the 48 characters the tables hold.</summary>
    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";
}
