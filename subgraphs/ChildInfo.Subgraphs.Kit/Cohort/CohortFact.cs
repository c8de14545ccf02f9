namespace ChildInfo.Subgraphs.Kit.Cohort;

/// <summary>A fact as analysts and the gateway see it (<c>CohortFact</c>): its definition without the SQL, with its values.</summary>
public sealed record CohortFact(string Name, string Label, string Description, CohortFactKind Kind, CohortWindowKind Window, IReadOnlyList<string> Values);
