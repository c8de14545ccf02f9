namespace ChildInfo.SampleData.Population;

/// <summary>
/// One synthetic child: the truth about them, and each agency's (imperfect) record of them.
/// An agency record is null where that agency does not know the child.
/// </summary>
public sealed record SyntheticChild
{
    /// <summary>Position in the generated population (0-based); stable for a seed.</summary>
    public required int Sequence { get; init; }

    /// <summary>Opaque, stable, pseudonymous child index id, for example <c>CH-7F3K9Q2M</c>.</summary>
    public required string ChildId { get; init; }

    public required string HouseholdId { get; init; }

    /// <summary>Child ids of brothers and sisters in the same household.</summary>
    public IReadOnlyList<string> SiblingIds { get; init; } = [];

    /// <summary>The child's true identity.</summary>
    public required Identity Truth { get; init; }

    /// <summary>Ethnicity code (WBRI, ABAN, BAFR...).</summary>
    public required string Ethnicity { get; init; }

    /// <summary>First language, school census codes (ENG, POL, URD, PNJ, BNG, ARA, SOM, RMN, ROM...).</summary>
    public required string Language { get; init; }

    public required Circumstances Circumstances { get; init; }

    /// <summary>School spells, oldest first; empty below school age.</summary>
    public IReadOnlyList<Enrolment> Enrolments { get; init; } = [];

    /// <summary>URN of the early years setting attended, if any.</summary>
    public int? EarlyYearsSettingUrn { get; init; }

    /// <summary>Data-use wishes, each held by one agency.</summary>
    public IReadOnlyList<PreferenceWish> Preferences { get; init; } = [];

    public AgencyRecord? Education { get; init; }
    public AgencyRecord? EarlyYears { get; init; }
    public AgencyRecord? SocialCare { get; init; }
    public AgencyRecord? VoluntarySector { get; init; }

    /// <summary>Age in whole years on <paramref name="on"/>.</summary>
    public int AgeOn(DateOnly on)
    {
        var age = on.Year - Truth.DateOfBirth.Year;
        return Truth.DateOfBirth.AddYears(age) > on ? age - 1 : age;
    }
}
