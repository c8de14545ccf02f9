namespace ChildInfo.Subgraphs.YouthJustice.Seeding;

/// <summary>
/// The children of a child-index database, and the date the seed treats as today: the day the index was last added
/// to (its latest <c>created_on</c>), so the same file always gives the same ages and the same cases.
/// </summary>
public sealed record ChildIndexSnapshot(DateOnly AsOf, IReadOnlyList<IndexChild> Children);

/// <summary>A child of the index as the youth justice service would have matched it: id, name, sex and date of birth.</summary>
public sealed record IndexChild(string ChildId, string Forename, string Surname, string Sex, DateOnly DateOfBirth);
