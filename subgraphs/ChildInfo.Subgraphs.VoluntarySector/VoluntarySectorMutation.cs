using ChildInfo.Subgraphs.Kit.Recording;
using ChildInfo.Subgraphs.VoluntarySector.Participants;
using GraphQL.Types;

namespace ChildInfo.Subgraphs.VoluntarySector;

/// <summary>
/// Recording on the young person's behalf into the shared case system (their own words, their data-use wishes),
/// through the Kit's shared recording fields. The relationship is an open engagement held by the caller or their
/// organisation.
/// </summary>
public sealed class VoluntarySectorMutation : ObjectGraphType
{
    /// <summary>Where the shared case system keeps what is recorded: the tables its reads come from, and what their columns hold.</summary>
    public static RecordingTables Tables { get; } = new(
        new VoiceColumns("tblVoice", "VoiceID", "ParticipantID", "RecordedDate", "Words", "WishesFeelings", "RecordedBy", "Setting", "Method"),
        new WishColumns("tblDataUsePreference", "PreferenceID", "ParticipantID", "PreferenceCode", "DataCategory", "WithheldPurposes", "WithheldAgencies",
            "ExpressedBy", "Statement", "RecordedDate", "RecordedBy"),
        new AgencyRecordingLimits(Words: 1000, Setting: 100, Method: 100, Statement: 1000, RecordedBy: 200, IdList: 300, RowId: 24, OwnerId: 24),
        EmptyListsAsNull: true);

    public VoluntarySectorMutation()
    {
        Name = "Mutation";
        this.AddRecordingFields(new RecordingTarget(
            "recordParticipantVoice", "recordParticipantDataUseWish", "participantId", "The shared system's participant id.",
            "their record with voluntary and community organisations",
            "a participant with an open engagement held by the caller or their organisation", ParticipantScope.RequireEngagedAsync));
    }
}
