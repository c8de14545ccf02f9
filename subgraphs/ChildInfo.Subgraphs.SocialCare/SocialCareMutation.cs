using ChildInfo.Subgraphs.Kit.Recording;
using ChildInfo.Subgraphs.SocialCare.Allocations;
using GraphQL.Types;

namespace ChildInfo.Subgraphs.SocialCare;

/// <summary>
/// Recording on the child's behalf into social care's own record: the child's words, and the family's data-use
/// wishes (honoured by the gateway's next decision about the child), through the Kit's shared recording fields. The
/// relationship is decided with social care's own allocations.
/// </summary>
public sealed class SocialCareMutation : ObjectGraphType
{
    /// <summary>Where social care keeps what is recorded: the tables its reads come from.</summary>
    public static RecordingTables Tables { get; } = new(
        new VoiceColumns("cms_child_voice", "cvoi_voice_id", "cvoi_person_id", "cvoi_recorded_date", "cvoi_words", "cvoi_wishes_feelings",
            "cvoi_recorded_by", "cvoi_setting", "cvoi_method"),
        new WishColumns("cms_data_use_preference", "dupr_preference_id", "dupr_person_id", "dupr_code", "dupr_data_category", "dupr_withheld_purposes",
            "dupr_withheld_agencies", "dupr_expressed_by", "dupr_statement", "dupr_recorded_date", "dupr_recorded_by"),
        AgencyRecordingLimits.Default,
        EmptyListsAsNull: true);

    public SocialCareMutation()
    {
        Name = "Mutation";
        this.AddRecordingFields(new RecordingTarget(
            "recordChildVoice", "recordDataUseWish", "personId", "LA child ID.", "their social care record",
            "a child allocated to the caller or the team they act for", CaseloadScope.RequireAllocatedAsync));
    }
}
