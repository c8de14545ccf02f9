namespace ChildInfo.SampleData.Writers;

/// <summary>
/// Short session notes as keyworkers write them: what happened, what the young person said or showed, what next.
/// Everyday and respectful; the kind of detail a young person may reasonably not want passed to school.
/// </summary>
internal static class KeyworkerNotePhrases
{
    private static readonly string[] YouthWork =
    [
        "Came to the Tuesday session and joined the cooking group.",
        "Dropped in after school; played pool and chatted with staff.",
        "Took part in the music workshop and stayed to help tidy up.",
        "One-to-one in the quiet room before the main session.",
        "Joined the trip to the climbing wall.",
    ];

    private static readonly string[] YoungCarers =
    [
        "Attended the young carers group; talked about the week at home.",
        "Respite trip to the coast with the group.",
        "One-to-one check-in by phone after a hard week at home.",
        "Group session on managing stress and getting time for yourself.",
    ];

    private static readonly string[] Mentoring =
    [
        "Met at the library for our weekly mentoring session.",
        "Walk and talk session in the park.",
        "Worked on a CV and looked at college courses together.",
        "Session at the café; set goals for the next month.",
    ];

    private static readonly string[] FamilySupport =
    [
        "Home visit with the family; went through the family plan.",
        "Met with parent and young person together at the family centre.",
        "Supported the family at a meeting about housing.",
        "Parenting session; young person joined for the last part.",
    ];

    private static readonly string[] Observations =
    [
        " Seemed tired and quieter than usual.",
        " Much more confident today and led part of the activity.",
        " Said things are tense at home at the moment.",
        " Talked about falling out with a friend at school.",
        " Mentioned finding lessons hard to concentrate in.",
        " Said they are worried about a parent's health.",
        " Really proud of finishing the project.",
        " Got on well with the new group members.",
        " Said they feel left out at school.",
        " Spoke about missing a sibling who lives elsewhere.",
        " Opened up a bit about feeling low some days.",
        " Was late but stayed for the whole session.",
    ];

    /// <summary>For little ones the session is with the family: notes speak of the child as seen, and the parent.</summary>
    private static readonly string[] YoungChildObservations =
    [
        " Child played happily with the toys while we talked.",
        " Parent said bedtimes have been hard this month.",
        " Child was unsettled at first, then sat with parent and joined in.",
        " Parent feeling more confident about the morning routine.",
        " Child chatty and keen to show their drawings.",
        " Parent worried about money this week; gave food bank details.",
        " Child tired today; parent says sleep is patchy.",
        " Lovely to see child and parent laughing together.",
    ];

    private static readonly string[] NextSteps =
    [
        " Will check in next week.",
        " Agreed to try the Saturday group.",
        " Gave information about the wellbeing drop-in.",
        " Keep an eye on how school is going.",
        " Follow up on the college taster day.",
        " Agreed goals reviewed in four weeks.",
        "",
        "",
    ];

    public static string Compose(Random rng, string service, int age)
    {
        var openings = service switch
        {
            "YOUNG_CARERS" => YoungCarers,
            "MENTORING" => Mentoring,
            "FAMILY_SUPPORT" => FamilySupport,
            _ => YouthWork,
        };
        var observations = age < 8 ? YoungChildObservations : Observations;
        return string.Concat(openings[rng.Next(openings.Length)], observations[rng.Next(observations.Length)], NextSteps[rng.Next(NextSteps.Length)]);
    }

    /// <summary>Where a young child's words were heard: with the family, not at youth club.</summary>
    public static string YoungChildSetting(Random rng) => rng.NextDouble() < 0.6 ? "Family support home visit" : "Family centre stay and play";

    public static string SessionType(Random rng, string service) => service switch
    {
        "YOUTH_WORK" => rng.NextDouble() < 0.7 ? "Group" : "One-to-one",
        "YOUNG_CARERS" => rng.NextDouble() < 0.6 ? "Group" : "Phone",
        "MENTORING" => "One-to-one",
        _ => rng.NextDouble() < 0.6 ? "Home visit" : "Centre",
    };
}
