namespace ChildInfo.Subgraphs.ChildIndex.Children;

/// <summary>A row of <c>ci_child</c>: a child and the best-known demographics the index matches on.</summary>
public sealed record IndexedChild
{
    public string ChildId { get; init; } = "";
    public string Forename { get; init; } = "";
    public string? MiddleName { get; init; }
    public string Surname { get; init; } = "";
    public string Sex { get; init; } = "";
    public DateTime Dob { get; init; }
    public string Postcode { get; init; } = "";
    public string? NhsNumber { get; init; }
    public string? Upn { get; init; }
}
