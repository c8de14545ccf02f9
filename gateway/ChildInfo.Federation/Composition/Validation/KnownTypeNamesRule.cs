using ChildInfo.Federation.Composition.Model;

namespace ChildInfo.Federation.Composition.Validation;

/// <summary>INVALID_GRAPHQL: a field, argument, interface or union member names a type the subgraph does not define.</summary>
internal sealed class KnownTypeNamesRule : IPreMergeRule
{
    private static readonly HashSet<string> BuiltIn = new(StringComparer.Ordinal) { "Int", "Float", "String", "Boolean", "ID" };

    public IEnumerable<CompositionError> Validate(IReadOnlyList<ParsedSubgraph> subgraphs)
    {
        foreach (var subgraph in subgraphs)
        {
            foreach (var type in subgraph.Types.Values)
            {
                var references = type.Fields.SelectMany(f => f.Arguments.Select(a => (Name: a.Type.NamedType, Where: $"{type.Name}.{f.Name}({a.Name}:)")).Prepend((Name: f.Type.NamedType, Where: $"{type.Name}.{f.Name}")))
                    .Concat(type.Interfaces.Concat(type.Members).Select(n => (Name: n, Where: type.Name)));
                foreach (var (name, where) in references.Where(r => !BuiltIn.Contains(r.Name) && !subgraph.Types.ContainsKey(r.Name)).DistinctBy(r => r.Name))
                {
                    yield return new CompositionError(
                        CompositionErrorCodes.InvalidGraphQL,
                        $"Unknown type {name} (used by \"{where}\"): the subgraph's schema must define every type it refers to.",
                        subgraph.Name,
                        where);
                }
            }
        }
    }
}
