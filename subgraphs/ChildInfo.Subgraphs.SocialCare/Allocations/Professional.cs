namespace ChildInfo.Subgraphs.SocialCare.Allocations;

/// <summary>A worker (<c>ssd_professionals</c>).</summary>
public sealed record Professional
{
    public required string WorkerId { get; init; }
    public string? Name { get; init; }
    public string? JobTitle { get; init; }
    public string? TeamId { get; init; }
    public string? RegistrationNumber { get; init; }
    public bool? AgencyWorker { get; init; }
}
