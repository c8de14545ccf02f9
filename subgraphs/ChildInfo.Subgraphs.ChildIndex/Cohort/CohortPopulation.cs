namespace ChildInfo.Subgraphs.ChildIndex.Cohort;

/// <summary>
/// The population's children and their groups as columns: <see cref="Groups"/> holds one column per dimension asked,
/// in the order asked, each as long as <see cref="ChildIds"/> (the i-th entry is the i-th child's group). Columns, not
/// a list of children, for the reason given on <see cref="CohortLinks"/>.
/// </summary>
public sealed record CohortPopulation(IReadOnlyList<string> ChildIds, IReadOnlyList<IReadOnlyList<string>> Groups);
