using ChildInfo.Federation.Composition.Merging;
using ChildInfo.Federation.Composition.Model;

namespace ChildInfo.Federation.Composition.Validation;

/// <summary>
/// FIELD_TYPE_MISMATCH and FIELD_ARGUMENT_TYPE_MISMATCH: subgraphs resolving the same field (or argument) give it
/// types no single supergraph type can cover (nullability and interface/union widening aside).
/// </summary>
internal sealed class FieldTypeMismatchRule : IPreMergeRule
{
    public IEnumerable<CompositionError> Validate(IReadOnlyList<ParsedSubgraph> subgraphs)
    {
        var isSubtype = TypeMerging.SubtypeCheck(subgraphs);
        var fields = subgraphs.SelectMany(s => s.Types.Values.SelectMany(t => t.Fields.Select(f => (Subgraph: s, Type: t, Field: f))))
            .GroupBy(x => x.Type.Name + "." + x.Field.Name);
        foreach (var group in fields)
        {
            var input = group.First().Type.Kind == Supergraph.SupergraphTypeKind.InputObject;
            var sources = group.Where(x => !x.Field.External).ToList();
            var merged = input ? TypeMerging.MergeInput(sources.Select(x => x.Field.Type)) : TypeMerging.MergeOutput(sources.Select(x => x.Field.Type), isSubtype);
            if (merged is null && sources.Count > 1)
            {
                var other = sources.First(x => x.Field.Type.NamedType != sources[0].Field.Type.NamedType || x.Field.Type != sources[0].Field.Type);
                yield return new CompositionError(
                    CompositionErrorCodes.FieldTypeMismatch,
                    $"Type of field \"{group.Key}\" is incompatible across subgraphs: it has type \"{sources[0].Field.Type}\" in subgraph \"{sources[0].Subgraph.Name}\" but type \"{other.Field.Type}\" in subgraph \"{other.Subgraph.Name}\"",
                    null,
                    group.Key);
            }

            if (input)
            {
                continue;
            }

            foreach (var arguments in sources.SelectMany(x => x.Field.Arguments.Select(a => (x.Subgraph, Argument: a))).GroupBy(a => a.Argument.Name))
            {
                var list = arguments.ToList();
                if (TypeMerging.MergeInput(list.Select(a => a.Argument.Type)) is null)
                {
                    var other = list.First(a => a.Argument.Type != list[0].Argument.Type);
                    var coordinate = $"{group.Key}({arguments.Key}:)";
                    yield return new CompositionError(
                        CompositionErrorCodes.FieldArgumentTypeMismatch,
                        $"Type of argument \"{coordinate}\" is incompatible across subgraphs: it has type \"{list[0].Argument.Type}\" in subgraph \"{list[0].Subgraph.Name}\" but type \"{other.Argument.Type}\" in subgraph \"{other.Subgraph.Name}\"",
                        null,
                        coordinate);
                }
            }
        }
    }
}
