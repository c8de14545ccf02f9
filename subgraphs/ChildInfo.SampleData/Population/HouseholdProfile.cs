namespace ChildInfo.SampleData.Population;

/// <summary>
/// What a household's children share: disadvantage, social care involvement (and its level), early help, caring
/// responsibilities. Drawn once per household so that brothers and sisters tell one story.
/// </summary>
internal sealed class HouseholdProfile
{
    /// <summary>Low income (free school meals, early years pupil premium, two-year-old funding).</summary>
    public bool Disadvantaged { get; init; }

    /// <summary>Known to children's social care.</summary>
    public bool SocialCare { get; init; }

    /// <summary>N child in need only, P child protection, L looked after.</summary>
    public char SocialCareLevel { get; init; } = 'N';

    public string? CategoryOfAbuse { get; init; }

    public bool EarlyHelp { get; init; }

    /// <summary>Someone at home needs care (a young carer household when a child is old enough).</summary>
    public bool CaringNeeds { get; init; }

    /// <summary>The family uses a voluntary family support service.</summary>
    public bool FamilySupport { get; init; }

    private static readonly Weighted<string> Categories = new(("NEG", 50), ("EMO", 35), ("PHY", 7), ("SAB", 4), ("MUL", 4));

    public static HouseholdProfile Draw(Random rng)
    {
        var disadvantaged = rng.NextDouble() < 0.235;
        // Child-level prevalence = household rate x 0.85 (not every child in a known household is a child in need);
        // low income triples the rate: 0.235 x 3x + 0.765 x x = 1.47x, x = 0.0353 / 1.47.
        var socialCareRate = 0.0250 * (disadvantaged ? 3 : 1);
        var socialCare = rng.NextDouble() < socialCareRate;
        var level = 'N';
        string? category = null;
        if (socialCare)
        {
            var r = rng.NextDouble();
            level = r < 0.15 ? 'P' : r < 0.15 + 0.225 ? 'L' : 'N';
            if (level == 'P')
            {
                category = Categories.Pick(rng);
            }
        }
        var earlyHelp = !socialCare || level == 'N'
            ? rng.NextDouble() < 0.035 * (disadvantaged ? 2 : 1) * (socialCare ? 3 : 1)
            : false;
        var caring = rng.NextDouble() < (disadvantaged ? 0.06 : 0.033);
        var familySupport = rng.NextDouble() < (earlyHelp ? 0.40 : socialCare ? 0.25 : disadvantaged ? 0.03 : 0.012);
        return new HouseholdProfile
        {
            Disadvantaged = disadvantaged,
            SocialCare = socialCare,
            SocialCareLevel = level,
            CategoryOfAbuse = category,
            EarlyHelp = earlyHelp,
            CaringNeeds = caring,
            FamilySupport = familySupport,
        };
    }
}
