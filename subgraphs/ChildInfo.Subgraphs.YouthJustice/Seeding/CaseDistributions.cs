using static ChildInfo.Subgraphs.YouthJustice.Cases.AssetPlusRatings;
using static ChildInfo.Subgraphs.YouthJustice.Cases.OffenceCategories;
using static ChildInfo.Subgraphs.YouthJustice.Cases.OutcomeTypes;

namespace ChildInfo.Subgraphs.YouthJustice.Seeding;

/// <summary>
/// The shapes the sample follows. They are illustrative, chosen to look plausible next to the published Youth
/// Justice Statistics (boys far outnumber girls, most children are 15 to 17, violence against the person is the
/// largest offence group, most outcomes are pre-court or first-tier, custody is rare), not copied from them.
/// </summary>
internal static class CaseDistributions
{
    /// <summary>Chance in 10,000 that a child of each age from 10 to 17 has cases; averages about 1.5%.</summary>
    public static readonly IReadOnlyList<int> PerTenThousandByAge = [20, 40, 80, 120, 170, 220, 250, 280];

    /// <summary>Boys about five in six of the children with cases; the factors average 1 over an even split.</summary>
    public static double SexFactor(string sex) => sex switch
    {
        "M" => 1.7,
        "F" => 0.3,
        _ => 1.0,
    };

    /// <summary>Share of children with cases who have a second, later case.</summary>
    public const double SecondCase = 0.25;

    public static readonly IReadOnlyList<(string, int)> FirstOutcome =
    [
        (CommunityResolution, 32), (YouthCaution, 14), (YouthConditionalCaution, 12),
        (ReferralOrder, 24), (YouthRehabilitationOrder, 13), (DetentionAndTrainingOrder, 5),
    ];

    /// <summary>A second case tends to go further up the tiers.</summary>
    public static readonly IReadOnlyList<(string, int)> RepeatOutcome =
    [
        (CommunityResolution, 10), (YouthCaution, 8), (YouthConditionalCaution, 12),
        (ReferralOrder, 25), (YouthRehabilitationOrder, 30), (DetentionAndTrainingOrder, 15),
    ];

    public static readonly IReadOnlyList<(string, int)> Offence =
    [
        (ViolenceAgainstThePerson, 32), (SummaryNonMotoring, 10), (TheftOffences, 10), (DrugOffences, 9), (SummaryMotoring, 8),
        (CriminalDamageAndArson, 7), (PossessionOfWeapons, 6), (Robbery, 5), (PublicOrderOffences, 5), (SexualOffences, 3),
        (MiscellaneousCrimesAgainstSociety, 3), (FraudOffences, 2),
    ];

    /// <summary>Custody follows the more serious indictable offences, never a summary one.</summary>
    public static readonly IReadOnlyList<(string, int)> CustodyOffence =
    [
        (ViolenceAgainstThePerson, 35), (Robbery, 25), (PossessionOfWeapons, 12), (DrugOffences, 10), (TheftOffences, 8),
        (SexualOffences, 6), (CriminalDamageAndArson, 4),
    ];

    /// <summary>Days from the outcome until the case closes: the length of the intervention or order.</summary>
    public static (int Min, int MaxExclusive) Duration(string outcomeType) => outcomeType switch
    {
        CommunityResolution => (28, 91),
        YouthCaution => (42, 121),
        YouthConditionalCaution => (60, 121),
        ReferralOrder => (90, 366),
        YouthRehabilitationOrder => (180, 731),
        _ => (120, 731),
    };

    public static IReadOnlyList<(string, int)> LikelihoodOfReoffending(string tier) => tier switch
    {
        PreCourt => [(Low, 60), (Medium, 32), (High, 8)],
        FirstTier => [(Low, 40), (Medium, 45), (High, 15)],
        Community => [(Low, 20), (Medium, 50), (High, 30)],
        _ => [(Low, 5), (Medium, 40), (High, 55)],
    };

    public static IReadOnlyList<(string, int)> RiskOfSeriousHarm(string tier) => tier switch
    {
        PreCourt => [(Low, 65), (Medium, 30), (High, 5)],
        FirstTier => [(Low, 45), (Medium, 42), (High, 12), (VeryHigh, 1)],
        Community => [(Low, 25), (Medium, 50), (High, 22), (VeryHigh, 3)],
        _ => [(Low, 10), (Medium, 40), (High, 40), (VeryHigh, 10)],
    };

    public static IReadOnlyList<(string, int)> SafetyAndWellbeing(string tier) => tier switch
    {
        PreCourt => [(Low, 45), (Medium, 40), (High, 13), (VeryHigh, 2)],
        FirstTier => [(Low, 35), (Medium, 45), (High, 17), (VeryHigh, 3)],
        Community => [(Low, 25), (Medium, 45), (High, 25), (VeryHigh, 5)],
        _ => [(Low, 15), (Medium, 40), (High, 35), (VeryHigh, 10)],
    };
}
