namespace ChildInfo.Subgraphs.YouthJustice.Cases;

/// <summary>
/// Offence groups: the Home Office's recorded-crime offence groups, plus the two groups the Ministry of Justice's
/// criminal justice statistics add for summary offences outside recorded crime (motoring and non-motoring). The
/// Youth Justice Statistics report children's proven offences in these groups.
/// </summary>
public static class OffenceCategories
{
    public const string ViolenceAgainstThePerson = "VIOLENCE_AGAINST_THE_PERSON";
    public const string SexualOffences = "SEXUAL_OFFENCES";
    public const string Robbery = "ROBBERY";
    public const string TheftOffences = "THEFT_OFFENCES";
    public const string CriminalDamageAndArson = "CRIMINAL_DAMAGE_AND_ARSON";
    public const string DrugOffences = "DRUG_OFFENCES";
    public const string PossessionOfWeapons = "POSSESSION_OF_WEAPONS";
    public const string PublicOrderOffences = "PUBLIC_ORDER_OFFENCES";
    public const string MiscellaneousCrimesAgainstSociety = "MISCELLANEOUS_CRIMES_AGAINST_SOCIETY";
    public const string FraudOffences = "FRAUD_OFFENCES";
    public const string SummaryNonMotoring = "SUMMARY_NON_MOTORING";
    public const string SummaryMotoring = "SUMMARY_MOTORING";

    public static readonly IReadOnlyList<string> All =
    [
        ViolenceAgainstThePerson, SexualOffences, Robbery, TheftOffences, CriminalDamageAndArson, DrugOffences,
        PossessionOfWeapons, PublicOrderOffences, MiscellaneousCrimesAgainstSociety, FraudOffences, SummaryNonMotoring, SummaryMotoring,
    ];
}
