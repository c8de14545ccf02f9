namespace ChildInfo.SampleData.Population;

/// <summary>
/// The headline facts of a child's life that the agencies' records elaborate. Drawn once per child with
/// prevalences close to published national figures, so that every agency tells a consistent story.
/// </summary>
public sealed record Circumstances
{
    /// <summary>The household is on a low income (what free school meals, the pupil premium and area deprivation follow).</summary>
    public bool LowIncomeHousehold { get; init; }

    /// <summary>Eligible for free school meals (about a quarter of pupils).</summary>
    public bool FsmEligible { get; init; }

    /// <summary>SEN provision: N none, K SEN support, E EHC plan.</summary>
    public char SenProvision { get; init; } = 'N';

    /// <summary>Primary SEN type code (SPLD, MLD, SEMH, SLCN, ASD...) when provision is K or E.</summary>
    public string? PrimarySenType { get; init; }

    /// <summary>Share of possible sessions missed in the latest full year (0–1).</summary>
    public double AbsenceRate { get; init; }

    /// <summary>At least 10% of sessions missed (about a fifth of secondary pupils).</summary>
    public bool PersistentlyAbsent => AbsenceRate >= 0.10;

    public int Suspensions { get; init; }

    public bool PermanentlyExcluded { get; init; }

    /// <summary>Known to children's social care as a child in need (about 3%).</summary>
    public bool ChildInNeed { get; init; }

    /// <summary>CIN primary need code N0–N9 when a child in need.</summary>
    public string? PrimaryNeedCode { get; init; }

    /// <summary>On a child protection plan (about 0.4%); implies child in need.</summary>
    public bool ChildProtectionPlan { get; init; }

    /// <summary>Category of abuse NEG PHY EMO SAB MUL when on a plan.</summary>
    public string? CategoryOfAbuse { get; init; }

    /// <summary>Looked after (about 0.7%).</summary>
    public bool LookedAfter { get; init; }

    /// <summary>SSDA903 legal status (C2, V2, E1...) when looked after.</summary>
    public string? LegalStatus { get; init; }

    /// <summary>SSDA903 placement type (U1–U6, K2, R1...) when looked after.</summary>
    public string? PlacementType { get; init; }

    /// <summary>Had an early help episode.</summary>
    public bool EarlyHelp { get; init; }

    /// <summary>A young carer (assessment factor 7A; VCS young carers service).</summary>
    public bool YoungCarer { get; init; }

    /// <summary>Disadvantaged two-year-old funding basis (ECO, HSD, LAA) where eligible.</summary>
    public string? TwoYearOldBasis { get; init; }

    /// <summary>Working-parent "30 hours" entitlement for three and four year olds.</summary>
    public bool ExtendedHours { get; init; }

    /// <summary>Early years pupil premium.</summary>
    public bool EarlyYearsPupilPremium { get; init; }

    /// <summary>Disability Access Fund.</summary>
    public bool DisabilityAccessFund { get; init; }

    /// <summary>Voluntary-sector services used: YOUTH_WORK, YOUNG_CARERS, MENTORING, FAMILY_SUPPORT.</summary>
    public IReadOnlyList<string> VcsServices { get; init; } = [];
}
