namespace ChildInfo.Subgraphs.VoluntarySector.Organisations;

/// <summary>A voluntary or community organisation using the shared system, with the services it runs.</summary>
public sealed record Organisation
{
    public required string OrganisationId { get; init; }
    public required string Name { get; init; }
    public string? CharityNumber { get; init; }
    public string? Postcode { get; init; }

    /// <summary>YOUTH_WORK, YOUNG_CARERS, MENTORING, FAMILY_SUPPORT.</summary>
    public IReadOnlyList<string> Services { get; init; } = [];
}
