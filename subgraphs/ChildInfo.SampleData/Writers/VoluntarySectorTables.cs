using ChildInfo.Subgraphs.Kit.Data;

namespace ChildInfo.SampleData.Writers;

/// <summary>The voluntary sector's shared case-recording tables, gathered per chunk.</summary>
internal sealed class VoluntarySectorTables
{
    public TableRows Participants { get; } = new("tblParticipant", "ParticipantID", "Forename", "MiddleName", "Surname", "KnownAs", "DOB", "Sex",
        "Postcode", "NHSNumber", "UPN", "RegisteredDate", "RegisteredByOrgID");

    public TableRows Engagements { get; } = new("tblEngagement", "EngagementID", "ParticipantID", "OrgID", "ServiceCode", "StartDate", "EndDate",
        "SessionsOffered", "SessionsAttended", "KeyworkerID", "KeyworkerName", "ReferralRoute", "EndReason");

    public TableRows Notes { get; } = new("tblKeyworkerNote", "NoteID", "EngagementID", "ParticipantID", "NoteDate", "SessionType", "Author", "NoteText");

    public TableRows Sdq { get; } = new("tblSDQ", "SDQID", "ParticipantID", "CompletedDate", "Respondent", "Emotional", "Conduct", "Hyperactivity",
        "PeerProblems", "Prosocial");

    public TableRows Wemwbs { get; } = new("tblWEMWBS", "WEMWBSID", "ParticipantID", "CompletedDate", "TotalScore");

    public TableRows Star { get; } = new("tblStarReading", "ReadingID", "ParticipantID", "EngagementID", "StarName", "ScaleName", "Score",
        "ReadingDate", "ReadingType");

    public TableRows Voice { get; } = new("tblVoice", "VoiceID", "ParticipantID", "RecordedDate", "Words", "WishesFeelings", "RecordedBy", "Setting", "Method");

    public TableRows Preferences { get; } = new("tblDataUsePreference", "PreferenceID", "ParticipantID", "PreferenceCode", "DataCategory",
        "WithheldPurposes", "WithheldAgencies", "ExpressedBy", "Statement", "RecordedDate", "RecordedBy");

    public async Task FlushAsync(BulkWriter writer, CancellationToken cancellationToken)
    {
        TableRows[] all = [Participants, Engagements, Notes, Sdq, Wemwbs, Star, Voice, Preferences];
        foreach (var table in all)
        {
            await table.FlushAsync(writer, cancellationToken).ConfigureAwait(false);
        }
    }
}
