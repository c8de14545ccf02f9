using ChildInfo.Subgraphs.EarlyYears.Children;
using ChildInfo.Subgraphs.Kit.Recording;
using GraphQL.Types;

namespace ChildInfo.Subgraphs.EarlyYears;

/// <summary>
/// Recording on the child's behalf into the early years record (what the child showed or said, the family's data-use
/// wishes), through the Kit's shared recording fields. The relationship is the register: a child attending the
/// caller's setting now.
/// </summary>
public sealed class EarlyYearsMutation : ObjectGraphType
{
    /// <summary>Where early years keeps what is recorded: the tables its reads come from, and what their columns hold.</summary>
    public static RecordingTables Tables { get; } = new(
        new VoiceColumns("EY_VOICE", "VoiceId", "EYChildId", "RecordedOn", "Words", "WishesAndFeelings", "RecordedBy", "Setting", "Method"),
        new WishColumns("EY_DATA_PREFERENCE", "PreferenceId", "EYChildId", "Code", "DataCategory", "WithheldFromPurposes", "WithheldFromAgencies",
            "ExpressedBy", "Statement", "RecordedOn", "RecordedBy"),
        new AgencyRecordingLimits(Words: 400, Setting: 60, Method: 40, Statement: 400, RecordedBy: 80, IdList: 200, RowId: 24, OwnerId: 20),
        EmptyListsAsNull: false);

    public EarlyYearsMutation()
    {
        Name = "Mutation";
        this.AddRecordingFields(new RecordingTarget(
            "recordEarlyYearsChildVoice", "recordEarlyYearsDataUseWish", "eyChildId", "The early years system's child reference.", "their early years record",
            "a child attending the caller's setting now", EarlyYearsChildScope.RequireAttendingAsync));
    }
}
