namespace ChildInfo.Subgraphs.Kit.Linkage;

/// <summary>
/// The identifying fields of one agency record as the agency holds them, mistakes and all, for building the child
/// index: null where the agency holds no such field or left it empty.
/// </summary>
/// <param name="LocalId">The agency's own key of the record, as the child index links it.</param>
public sealed record LinkageIdentity(
    string LocalId,
    string? Forename,
    string? MiddleName,
    string? Surname,
    string? Sex,
    DateOnly? DateOfBirth,
    string? Postcode,
    string? NhsNumber,
    string? Upn);
