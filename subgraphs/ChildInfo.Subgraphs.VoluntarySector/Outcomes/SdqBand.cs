namespace ChildInfo.Subgraphs.VoluntarySector.Outcomes;

/// <summary>
/// Four-band categorisation of an SDQ total difficulties score (0–40), by who answered: teacher 0–11 / 12–15 /
/// 16–18 / 19–40; parent 0–13 / 14–16 / 17–19 / 20–40; self-report 0–14 / 15–17 / 18–19 / 20–40.
/// </summary>
public static class SdqBand
{
    public const string CloseToAverage = "CLOSE_TO_AVERAGE";
    public const string SlightlyRaised = "SLIGHTLY_RAISED";
    public const string High = "HIGH";
    public const string VeryHigh = "VERY_HIGH";

    public static string For(string respondent, int totalDifficulties)
    {
        var (average, raised, high) = respondent switch
        {
            "TEACHER" => (11, 15, 18),
            "PARENT" => (13, 16, 19),
            _ => (14, 17, 19),
        };
        return totalDifficulties <= average ? CloseToAverage
            : totalDifficulties <= raised ? SlightlyRaised
            : totalDifficulties <= high ? High
            : VeryHigh;
    }
}
