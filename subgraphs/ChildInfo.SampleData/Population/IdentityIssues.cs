namespace ChildInfo.SampleData.Population;

/// <summary>
/// The identifier problems an agency's record can carry, as recorded in <see cref="AgencyRecord.IdentityIssues"/>:
/// ground truth for measuring how well records are linked.
/// </summary>
public static class IdentityIssues
{
    /// <summary>The agency normally records an NHS number but has none for this child (the child has one).</summary>
    public const string MissingNhs = "missing_nhs";

    /// <summary>The agency normally records the UPN but has none for this child (the child has one).</summary>
    public const string MissingUpn = "missing_upn";

    /// <summary>A typing mistake in the forename or surname.</summary>
    public const string NameTypo = "name_typo";

    /// <summary>The agency still holds the surname the child had before it changed.</summary>
    public const string ChangedSurname = "changed_surname";

    /// <summary>Day and month of birth swapped.</summary>
    public const string DobTransposed = "dob_transposed";

    /// <summary>The agency holds the family's previous postcode.</summary>
    public const string OldPostcode = "old_postcode";

    /// <summary>The agency records the name the child is known by (a short form or their middle name).</summary>
    public const string PreferredForename = "preferred_forename";

    public static IReadOnlyList<string> All { get; } =
        [MissingNhs, MissingUpn, NameTypo, ChangedSurname, DobTransposed, OldPostcode, PreferredForename];
}
