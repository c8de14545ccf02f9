namespace ChildInfo.Subgraphs.SocialCare.People;

/// <summary>A child as children's social care holds them (<c>ssd_person</c> and what hangs off it).</summary>
public sealed record SocialCareChild
{
    /// <summary>The LA child ID (<c>pers_person_id</c>, CIN census LAchildID, SSDA903 CHILD).</summary>
    public required string PersonId { get; init; }
    public string? LegacyId { get; init; }
    public string? Forename { get; init; }
    public string? Surname { get; init; }
    public string? Sex { get; init; }
    public string? Gender { get; init; }
    public string? Ethnicity { get; init; }
    public DateOnly? DateOfBirth { get; init; }
    public DateOnly? ExpectedDateOfBirth { get; init; }
    public DateOnly? DateOfDeath { get; init; }

    /// <summary>NHS number as recorded (<c>pers_common_child_id</c>); may be missing or wrong.</summary>
    public string? NhsNumber { get; init; }

    /// <summary>Current UPN from <c>ssd_linked_identifiers</c>.</summary>
    public string? Upn { get; init; }
    public string? UpnUnknown { get; init; }
    public bool? HasEhcPlan { get; init; }
    public string? Nationality { get; init; }

    /// <summary>Postcode of the current home address (<c>ssd_address</c>).</summary>
    public string? Postcode { get; init; }
    public bool ChildProtectionPlanActive { get; init; }
    public bool LookedAfterActive { get; init; }
}
