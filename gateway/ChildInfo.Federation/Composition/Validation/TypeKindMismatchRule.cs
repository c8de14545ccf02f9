using ChildInfo.Federation.Composition.Model;

namespace ChildInfo.Federation.Composition.Validation;

/// <summary>TYPE_KIND_MISMATCH: a type is an object in one subgraph and an interface (or other kind) in another.</summary>
internal sealed class TypeKindMismatchRule : IPreMergeRule
{
    public IEnumerable<CompositionError> Validate(IReadOnlyList<ParsedSubgraph> subgraphs)
    {
        foreach (var group in subgraphs.SelectMany(s => s.Types.Values.Where(t => !t.InterfaceObject).Select(t => (s, t))).GroupBy(x => x.t.Name))
        {
            var first = group.First();
            var other = group.FirstOrDefault(x => x.t.Kind != first.t.Kind);
            if (other.t is not null)
            {
                yield return new CompositionError(
                    CompositionErrorCodes.TypeKindMismatch,
                    $"Type \"{group.Key}\" has mismatched kind: it is defined as {first.t.Kind} in subgraph \"{first.s.Name}\" but {other.t.Kind} in subgraph \"{other.s.Name}\"",
                    null,
                    group.Key);
            }
        }
    }
}
