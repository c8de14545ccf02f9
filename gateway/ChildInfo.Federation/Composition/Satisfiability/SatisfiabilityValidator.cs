using ChildInfo.Federation.Composition.Merging;

namespace ChildInfo.Federation.Composition.Satisfiability;

/// <summary>
/// The satisfiability step: every field of the API schema can be reached from the root types through the subgraphs.
/// See <see cref="SatisfiabilitySearch"/> for the search and its bounds.
/// </summary>
internal static class SatisfiabilityValidator
{
    public static IEnumerable<CompositionError> Validate(MergedSchema schema) => new SatisfiabilitySearch(schema).Run();
}
