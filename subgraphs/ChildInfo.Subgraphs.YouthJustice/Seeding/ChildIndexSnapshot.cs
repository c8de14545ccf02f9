namespace ChildInfo.Subgraphs.YouthJustice.Seeding;

/// <summary>
/// The children of a child-index database, and the date the seed treats as today: the day the index was first written
/// (its earliest <c>created_on</c>, which linkage runs keep), so the same file always gives the same ages and the same
/// cases, and relinking the index does not move them.
/// </summary>
public sealed record ChildIndexSnapshot(DateOnly AsOf, IReadOnlyList<IndexChild> Children);

/// <summary>A child of the index as the youth justice service would have matched it: id, name, sex and date of birth.</summary>
public sealed record IndexChild(string ChildId, string Forename, string Surname, string Sex, DateOnly DateOfBirth);
