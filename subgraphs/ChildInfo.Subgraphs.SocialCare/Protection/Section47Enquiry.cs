namespace ChildInfo.Subgraphs.SocialCare.Protection;

/// <summary>A section 47 enquiry and, where one was held, its initial child protection conference.</summary>
public sealed record Section47Enquiry
{
    public required string EnquiryId { get; init; }
    public required string PersonId { get; init; }
    public string? ReferralId { get; init; }
    public DateOnly? S47ActualStartDate { get; init; }
    public DateOnly? S47EndDate { get; init; }
    public bool? NoFurtherAction { get; init; }

    /// <summary>Outcome flags set on the enquiry (<c>s47e_s47_outcome_json</c>), e.g. CP_CONFERENCE, NFA.</summary>
    public IReadOnlyList<string> Outcomes { get; init; } = [];
    public DateOnly? InitialCpcTarget { get; init; }
    public DateOnly? DateOfInitialCpc { get; init; }

    /// <summary>Whether the conference resulted in a child protection plan; null when none was held.</summary>
    public bool? IcpcResultedInPlan { get; init; }
    public string? TeamId { get; init; }
    public string? WorkerId { get; init; }
}
