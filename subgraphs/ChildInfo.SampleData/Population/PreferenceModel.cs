namespace ChildInfo.SampleData.Population;

/// <summary>
/// Data-use wishes of children and families, in their own plain words, each held by the agency they told:
/// "don't share my youth-worker notes with school", "no research use", and a few others.
/// </summary>
internal static class PreferenceModel
{
    private static readonly string[] NotesChild =
    [
        "I don't want my youth worker's notes going to school. What I say here is private.",
        "Please don't send anything I've talked about here to my school.",
        "School doesn't need to know what I talk about at youth club.",
        "I'm fine with you keeping notes but not with teachers reading them.",
        "If school finds out what I said here I won't come back. Keep it between us.",
        "Don't share my notes with school, I want one place that's just mine.",
    ];

    private static readonly string[] NotesParent =
    [
        "We'd rather the school didn't see the notes from the sessions.",
        "Please keep what's written here away from school, they have enough on her already.",
        "I don't want the school reading about our family from your notes.",
    ];

    private static readonly string[] NoResearchParent =
    [
        "We don't want our information used for research.",
        "Please don't use our family's records for any studies.",
        "I'm happy for people helping us to see it, but not for research.",
        "No research with our details, thank you.",
    ];

    private static readonly string[] NoResearchChild =
    [
        "I don't want my stuff used in research, even with my name taken off.",
        "My information is for the people helping me, not for studies.",
    ];

    private static readonly string[] VoiceNotWithVoluntary =
    [
        "What I tell my social worker stays with social care. I don't want the youth club seeing it.",
        "Please don't pass my views on to the youth project, I'll tell them myself if I want to.",
        "I don't want my words shared with the charity.",
        "Keep what I've said in my reviews away from the mentoring people.",
    ];

    private static readonly string[] HealthNotWithSchool =
    [
        "Please don't pass the health visitor's notes on to the school.",
        "I'd rather nursery and school didn't get the health visiting records.",
    ];

    private static readonly string[] NotWithSocialCare =
    [
        "Please don't tell social services about the young carers group, I'm worried they'll think I can't cope.",
        "We're managing. I don't want social care getting the group's records.",
    ];

    private static readonly string[] SchoolNotWithVoluntary =
    [
        "I don't want the youth club knowing about my exclusions.",
        "Please keep my school stuff away from the mentoring people, I want a fresh start there.",
    ];

    /// <param name="familySaysNoResearch">The household asked that their information is not used for research.</param>
    public static IReadOnlyList<PreferenceWish> Draw(Random rng, SyntheticChild child, int age, DateOnly today, bool familySaysNoResearch)
    {
        List<PreferenceWish>? wishes = null;
        var earliest = child.Truth.DateOfBirth.DayNumber + 30;

        DateOnly When()
        {
            var day = today.DayNumber - rng.Next(14, 700);
            return DateOnly.FromDayNumber(Math.Min(today.DayNumber, Math.Max(earliest, day)));
        }

        if (child.VoluntarySector is not null && age >= 8 && rng.NextDouble() < 0.03)
        {
            var byChild = age >= 10 || rng.NextDouble() < 0.5;
            (wishes ??= []).Add(new PreferenceWish(
                Agency.VoluntarySector, "NOT_WITH_EDUCATION", "NOTES", "", Agency.Education,
                byChild ? "CHILD" : "PARENT", Pick(rng, byChild ? NotesChild : NotesParent), When()));
        }
        if (familySaysNoResearch)
        {
            var holder = RandomHolder(rng, child);
            if (holder is not null)
            {
                var byChild = age >= 14 && rng.NextDouble() < 0.3;
                (wishes ??= []).Add(new PreferenceWish(
                    holder, "NO_RESEARCH_USE", "ALL", "research", "",
                    byChild ? "CHILD" : "PARENT", Pick(rng, byChild ? NoResearchChild : NoResearchParent), When()));
            }
        }
        if (child.SocialCare is not null && age >= 12 && rng.NextDouble() < 0.06)
        {
            (wishes ??= []).Add(new PreferenceWish(
                Agency.SocialCare, "NOT_WITH_VOLUNTARY_SECTOR", "VOICE", "", Agency.VoluntarySector,
                "CHILD", Pick(rng, VoiceNotWithVoluntary), When()));
        }
        if (child.EarlyYears is not null && rng.NextDouble() < 0.01)
        {
            (wishes ??= []).Add(new PreferenceWish(
                Agency.EarlyYears, "NOT_WITH_EDUCATION", "HEALTH", "", Agency.Education,
                "PARENT", Pick(rng, HealthNotWithSchool), When()));
        }
        if (child.VoluntarySector is not null && child.Circumstances.YoungCarer && rng.NextDouble() < 0.05)
        {
            (wishes ??= []).Add(new PreferenceWish(
                Agency.VoluntarySector, "NOT_WITH_SOCIAL_CARE", "ENGAGEMENTS", "", Agency.SocialCare,
                "PARENT", Pick(rng, NotWithSocialCare), When()));
        }
        if (child.Education is not null && age >= 12 && child.Circumstances.Suspensions > 0 && rng.NextDouble() < 0.05)
        {
            (wishes ??= []).Add(new PreferenceWish(
                Agency.Education, "NOT_WITH_VOLUNTARY_SECTOR", "ALL", "", Agency.VoluntarySector,
                "CHILD", Pick(rng, SchoolNotWithVoluntary), When()));
        }
        return wishes is null ? [] : wishes;
    }

    private static string? RandomHolder(Random rng, SyntheticChild child)
    {
        Span<int> known = stackalloc int[4];
        var n = 0;
        if (child.Education is not null)
        {
            known[n++] = 0;
        }

        if (child.EarlyYears is not null)
        {
            known[n++] = 1;
        }

        if (child.SocialCare is not null)
        {
            known[n++] = 2;
        }

        if (child.VoluntarySector is not null)
        {
            known[n++] = 3;
        }

        if (n == 0)
        {
            return null;
        }

        return known[rng.Next(n)] switch
        {
            0 => Agency.Education,
            1 => Agency.EarlyYears,
            2 => Agency.SocialCare,
            _ => Agency.VoluntarySector,
        };
    }

    private static string Pick(Random rng, string[] options) => options[rng.Next(options.Length)];
}
