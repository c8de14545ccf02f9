namespace ChildInfo.Subgraphs.ChildIndex.Search;

/// <summary>What a practitioner knows about the child they are looking for.</summary>
public sealed record SearchCriteria(string? Forename, string? Surname, DateOnly? DateOfBirth, string? Postcode, char? Sex);
