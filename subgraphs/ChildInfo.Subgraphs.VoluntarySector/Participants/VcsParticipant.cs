namespace ChildInfo.Subgraphs.VoluntarySector.Participants;

/// <summary>A child or young person on the shared case-recording system (<c>tblParticipant</c>).</summary>
public sealed record VcsParticipant
{
    public required string ParticipantId { get; init; }
    public string? Forename { get; init; }
    public string? MiddleName { get; init; }
    public string? Surname { get; init; }
    public string? KnownAs { get; init; }
    public DateOnly? DateOfBirth { get; init; }
    public string? Sex { get; init; }
    public string? Postcode { get; init; }
    public string? NhsNumber { get; init; }
    public string? Upn { get; init; }
    public DateOnly? RegisteredDate { get; init; }
    public string? RegisteredByOrganisationId { get; init; }
}
