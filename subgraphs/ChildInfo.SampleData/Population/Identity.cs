namespace ChildInfo.SampleData.Population;

/// <summary>Who a child is, as one system records it (possibly with mistakes).</summary>
public sealed record Identity(
    string Forename,
    string? MiddleName,
    string Surname,
    char Sex,
    DateOnly DateOfBirth,
    string Postcode,
    string? NhsNumber,
    string? Upn);
