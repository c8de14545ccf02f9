using ChildInfo.Subgraphs.Kit.Data;

namespace ChildInfo.Subgraphs.VoluntarySector.Tests;

/// <summary>
/// Two organisations and a handful of young people: VCS-000001 (youth work and young carers, SDQ, WEMWBS, Star,
/// notes she asked not to be shared with school), VCS-000002 (mentoring, no outcomes yet); 200 bare participants.
/// </summary>
internal static class VoluntarySectorSeed
{
    public const int BulkParticipants = 200;

    public static string BulkId(int i) => $"VCS-1{i:00000}";

    public static async Task WriteAsync(AgencyDatabase database)
    {
        await using var w = await BulkWriter.OpenAsync(database);
        await w.InsertAsync("tblOrganisation", ["OrgID", "OrgName", "CharityNo", "OrgPostcode"],
            [["ORG01", "Northshire Youth Trust", "1123456", "NS11AA"], ["ORG02", "Carers Together Northshire", "1098765", "NS22BB"]]);
        await w.InsertAsync("tblOrgService", ["OrgID", "ServiceCode"],
            [["ORG01", "YOUTH_WORK"], ["ORG01", "MENTORING"], ["ORG02", "YOUNG_CARERS"], ["ORG02", "FAMILY_SUPPORT"]]);
        await w.InsertAsync("tblParticipant",
            ["ParticipantID", "Forename", "MiddleName", "Surname", "KnownAs", "DOB", "Sex", "Postcode", "NHSNumber", "UPN", "RegisteredDate", "RegisteredByOrgID"],
            [
                ["VCS-000001", "Chloe", "Anne", "Walker", "Clo", new DateOnly(2011, 8, 14), 'F', "NS14AB", null, null, new DateOnly(2024, 9, 2), "ORG01"],
                ["VCS-000002", "Mohammed", null, "Ali", null, new DateOnly(2009, 2, 3), 'M', "NS39XY", "9990000034", null, new DateOnly(2025, 1, 15), "ORG01"],
                .. Enumerable.Range(0, BulkParticipants).Select(i => new object?[] { BulkId(i), "Young", null, $"Person{i:000}", null, new DateOnly(2010, 1, 1).AddDays(i), 'U', null, null, null, null, null }),
            ]);
        await w.InsertAsync("tblEngagement",
            ["EngagementID", "ParticipantID", "OrgID", "ServiceCode", "StartDate", "EndDate", "SessionsOffered", "SessionsAttended", "KeyworkerID", "KeyworkerName", "ReferralRoute", "EndReason"],
            [
                ["EN1", "VCS-000001", "ORG01", "YOUTH_WORK", new DateOnly(2024, 9, 2), null, 30, 24, "KW1", "Dan Hughes", "SCHOOL", null],
                ["EN2", "VCS-000001", "ORG02", "YOUNG_CARERS", new DateOnly(2025, 1, 10), null, 12, 11, "KW2", "Grace Osei", "SELF", null],
                ["EN3", "VCS-000002", "ORG01", "MENTORING", new DateOnly(2025, 1, 15), new DateOnly(2025, 7, 15), 20, 9, "KW1", "Dan Hughes", "SOCIAL_CARE", "Disengaged"],
            ]);
        await w.InsertAsync("tblKeyworkerNote", ["NoteID", "EngagementID", "ParticipantID", "NoteDate", "SessionType", "Author", "NoteText"],
            [
                ["N1", "EN1", "VCS-000001", new DateOnly(2025, 3, 4), "One-to-one", "Dan Hughes", "Talked about falling out with friends at school; wants to try the drama group."],
                ["N2", "EN1", "VCS-000001", new DateOnly(2025, 5, 6), "Group", "Dan Hughes", "Led the warm-up game. Said looking after mum is tiring this week."],
            ]);
        await w.InsertAsync("tblSDQ", ["SDQID", "ParticipantID", "CompletedDate", "Respondent", "Emotional", "Conduct", "Hyperactivity", "PeerProblems", "Prosocial"],
            [
                ["SDQ1", "VCS-000001", new DateOnly(2024, 9, 20), "SELF", 7, 2, 5, 4, 8],
                ["SDQ2", "VCS-000001", new DateOnly(2025, 6, 20), "SELF", 4, 1, 4, 2, 9],
                ["SDQ3", "VCS-000001", new DateOnly(2025, 6, 25), "TEACHER", 6, 3, 5, 2, 7],
            ]);
        await w.InsertAsync("tblWEMWBS", ["WEMWBSID", "ParticipantID", "CompletedDate", "TotalScore"],
            [["W1", "VCS-000001", new DateOnly(2024, 9, 20), 38], ["W2", "VCS-000001", new DateOnly(2025, 6, 20), 47]]);
        await w.InsertAsync("tblStarReading", ["ReadingID", "ParticipantID", "EngagementID", "StarName", "ScaleName", "Score", "ReadingDate", "ReadingType"],
            [
                ["ST1", "VCS-000001", "EN1", "MY_STAR", "Feelings and behaviour", 4, new DateOnly(2024, 9, 27), "BASELINE"],
                ["ST2", "VCS-000001", "EN1", "MY_STAR", "Friends", 3, new DateOnly(2024, 9, 27), "BASELINE"],
                ["ST3", "VCS-000001", "EN1", "MY_STAR", "Feelings and behaviour", 6, new DateOnly(2024, 12, 20), "REVIEW"],
            ]);
        await w.InsertAsync("tblVoice", ["VoiceID", "ParticipantID", "RecordedDate", "Words", "WishesFeelings", "RecordedBy", "Setting", "Method"],
            [
                ["V1", "VCS-000001", new DateOnly(2024, 10, 1), "Youth club is the one place I don't have to be the grown-up.", "I want my teachers to know I'm a young carer, but not everything I say here.", "Youth Worker, Dan Hughes", "Youth club", "Direct conversation"],
                ["V2", "VCS-000001", new DateOnly(2025, 4, 2), "Having someone to text when mum is bad helps.", null, "Young Carers Worker, Grace Osei", "Young carers group", "Group discussion"],
            ]);
        await w.InsertAsync("tblDataUsePreference",
            ["PreferenceID", "ParticipantID", "PreferenceCode", "DataCategory", "WithheldPurposes", "WithheldAgencies", "ExpressedBy", "Statement", "RecordedDate", "RecordedBy"],
            [
                ["P1", "VCS-000001", "NOT_WITH_EDUCATION", "NOTES", "", "education", "CHILD", "Please don't share what I say to my youth worker with school.", new DateOnly(2024, 10, 1), "Youth Worker, Dan Hughes"],
                ["P2", "VCS-000001", "NO_RESEARCH_USE", "ALL", "research", "", "PARENT", "We don't want Chloe's information used for research.", new DateOnly(2025, 1, 10), "Young Carers Worker, Grace Osei"],
            ]);
    }
}
