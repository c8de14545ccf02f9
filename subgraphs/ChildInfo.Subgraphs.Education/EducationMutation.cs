using ChildInfo.Subgraphs.Education.Pupils;
using ChildInfo.Subgraphs.Kit.Recording;
using GraphQL.Types;

namespace ChildInfo.Subgraphs.Education;

/// <summary>
/// Recording on the pupil's behalf into the school's own record (pupil voice, the family's data-use wishes), through
/// the Kit's shared recording fields. The relationship is the roll: a pupil enrolled now at the caller's school.
/// </summary>
public sealed class EducationMutation : ObjectGraphType
{
    /// <summary>Where education keeps what is recorded: the tables its reads come from, and what their columns hold.</summary>
    public static RecordingTables Tables { get; } = new(
        new VoiceColumns("PUPIL_VOICE", "VoiceId", "UPN", "RecordedOn", "Words", "WishesAndFeelings", "RecordedBy", "Setting", "Method"),
        new WishColumns("PUPIL_DATA_PREFERENCE", "PreferenceId", "UPN", "Code", "DataCategory", "WithheldFromPurposes", "WithheldFromAgencies",
            "ExpressedBy", "Statement", "RecordedOn", "RecordedBy"),
        new AgencyRecordingLimits(Words: 400, Setting: 60, Method: 40, Statement: 400, RecordedBy: 80, IdList: 200, RowId: 24, OwnerId: 13),
        EmptyListsAsNull: false);

    public EducationMutation()
    {
        Name = "Mutation";
        this.AddRecordingFields(new RecordingTarget(
            "recordPupilVoice", "recordPupilDataUseWish", "upn", "Unique pupil number.", "their pupil record at school",
            "a pupil on the roll of the caller's school now", PupilScope.RequireOnRollAsync));
    }
}
