using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.Kit.Types;
using ChildInfo.Subgraphs.YouthJustice.Cases;
using ChildInfo.Subgraphs.YouthJustice.Seeding;

namespace ChildInfo.Subgraphs.YouthJustice.Tests;

/// <summary>
/// Hand-written cases, written through the seeder's own writer: CH-A0000001 (a closed referral order and an open
/// youth rehabilitation order, two records of their words, a wish about school), CH-A0000002 (an open community
/// resolution, no assessment), a young person never matched to the index (YJC-000009) and 200 children with one
/// case each. Cases 1 and 2 are allocated in team yjs-court-south, case 2 (the open one) to yjs-daniel-okafor.
/// </summary>
internal static class YouthJusticeSeed
{
    public const int BulkChildren = 200;

    public static string BulkChildId(int i) => $"CH-B{i:0000000}";

    public static SeedData Data { get; } = Build();

    public static Task WriteAsync(AgencyDatabase database) => YouthJusticeSeeder.WriteAsync(database, Data);

    private static SeedData Build()
    {
        var south = new CaseWorker("Rebecca Lloyd", "Court and Community South", "yjs-rebecca-lloyd", "yjs-court-south");
        var people = new List<YouthJusticePerson>
        {
            new("YP-000001", "CH-A0000001", "Logan", "Palmer", new DateOnly(2009, 1, 5), "M", new DateOnly(2025, 3, 3)),
            new("YP-000002", "CH-A0000002", "Maisie", "Hart", new DateOnly(2011, 6, 30), "F", new DateOnly(2026, 3, 20)),
            new("YP-000009", null, "Sam", "Doe", new DateOnly(2010, 2, 2), "U", new DateOnly(2025, 5, 1)),
        };
        var cases = new List<YouthJusticeCase>
        {
            Case("YJC-000001", people[0], OutcomeTypes.ReferralOrder, OffenceCategories.TheftOffences, new(2025, 1, 10), new(2025, 3, 3), south,
                new(2025, 2, 20), ("MEDIUM", "LOW", "MEDIUM"), "CLOSED", new(2025, 12, 1)),
            Case("YJC-000002", people[0], OutcomeTypes.YouthRehabilitationOrder, OffenceCategories.ViolenceAgainstThePerson, new(2026, 2, 14), new(2026, 5, 2),
                new CaseWorker("Daniel Okafor", "Court and Community South", "yjs-daniel-okafor", "yjs-court-south"), new(2026, 4, 15), ("HIGH", "HIGH", "VERY_HIGH"), "OPEN", null),
            Case("YJC-000003", people[1], OutcomeTypes.CommunityResolution, OffenceCategories.CriminalDamageAndArson, new(2026, 3, 1), new(2026, 3, 20),
                new CaseWorker("Aisha Rahman", "Prevention and Diversion"), null, null, "OPEN", null),
            Case("YJC-000009", people[2], OutcomeTypes.YouthCaution, OffenceCategories.DrugOffences, new(2025, 4, 2), new(2025, 5, 1),
                new CaseWorker("Tom Fletcher", "Prevention and Diversion"), new(2025, 4, 28), ("LOW", "LOW", "LOW"), "CLOSED", new(2025, 7, 30)),
        };
        var voices = new List<ChildVoice>
        {
            Voice("YJV-000001", "YJC-000002", new(2026, 4, 15), "Meeting the person I hurt was hard but I'm glad I said sorry.", "I'd like the same worker to stay with me.", "AssetPlus self-assessment"),
            Voice("YJV-000002", "YJC-000002", new(2026, 3, 1), "When I'm angry I don't think. I want to learn how to stop.", null, "Direct conversation"),
        };
        var preferences = new List<DataUsePreference>
        {
            new()
            {
                PreferenceId = "YJD-000001", OwnerId = "YJC-000001", Code = "NOT_WITH_EDUCATION", DataCategory = "ALL", WithheldFromAgencies = "education",
                ExpressedBy = "CHILD", Statement = "I don't want school knowing about my youth justice stuff.",
                RecordedOn = new DateTime(2025, 3, 3), RecordedBy = "YJS Case Worker, Rebecca Lloyd",
            },
        };
        for (var i = 0; i < BulkChildren; i++)
        {
            var person = new YouthJusticePerson($"YP-1{i:00000}", BulkChildId(i), "Young", $"Person{i:000}", new DateOnly(2010, 1, 1).AddDays(i), "M", new DateOnly(2026, 1, 1));
            people.Add(person);
            var caseId = $"YJC-1{i:00000}";
            cases.Add(Case(caseId, person, OutcomeTypes.CommunityResolution, OffenceCategories.SummaryNonMotoring, new(2026, 1, 1), new(2026, 1, 20),
                new CaseWorker("Tom Fletcher", "Prevention and Diversion"), null, null, "OPEN", null));
            voices.Add(Voice($"YJV-1{i:00000}", caseId, new(2026, 1, 20), "I want a job, something with cars.", null, "Direct conversation"));
            preferences.Add(new DataUsePreference
            {
                PreferenceId = $"YJD-1{i:00000}", OwnerId = caseId, Code = "NO_RESEARCH_USE", DataCategory = "ALL", WithheldFromPurposes = "research",
                ExpressedBy = "PARENT", Statement = "No research, please.", RecordedOn = new DateTime(2026, 1, 20), RecordedBy = "YJS Case Worker, Tom Fletcher",
            });
        }
        return new SeedData(people, cases, voices, preferences);
    }

    private static YouthJusticeCase Case(string caseId, YouthJusticePerson person, string outcome, string offence, DateOnly offenceDate, DateOnly outcomeDate,
        CaseWorker worker, DateOnly? assessedOn, (string Reoffending, string Harm, string Wellbeing)? ratings, string status, DateOnly? closedOn) => new()
    {
        CaseId = caseId,
        PersonId = person.PersonId,
        ChildIndexId = person.ChildIndexId,
        OutcomeType = outcome,
        OffenceCategory = offence,
        OffenceDate = offenceDate,
        OutcomeDate = outcomeDate,
        CaseWorker = worker,
        AssessedOn = assessedOn,
        LikelihoodOfReoffending = ratings?.Reoffending,
        RiskOfSeriousHarm = ratings?.Harm,
        SafetyAndWellbeing = ratings?.Wellbeing,
        Status = status,
        ClosedOn = closedOn,
    };

    private static ChildVoice Voice(string voiceId, string caseId, DateOnly on, string words, string? wishes, string method) => new()
    {
        VoiceId = voiceId,
        OwnerId = caseId,
        RecordedOn = on.ToDateTime(TimeOnly.MinValue),
        Words = words,
        WishesAndFeelings = wishes,
        RecordedBy = "YJS Case Worker, Daniel Okafor",
        Setting = "YJS office",
        Method = method,
    };
}
