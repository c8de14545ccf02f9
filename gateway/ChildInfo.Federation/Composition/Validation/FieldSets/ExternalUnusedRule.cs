using ChildInfo.Federation.Composition.Model;

namespace ChildInfo.Federation.Composition.Validation.FieldSets;

/// <summary>
/// EXTERNAL_UNUSED: a field marked <c>@external</c> that no <c>@key</c>, <c>@requires</c> or <c>@provides</c> of the
/// subgraph selects and no interface of its type declares. Federation 1 subgraphs are exempt (Apollo upgrades them),
/// and so is a subgraph with a field set that cannot be read at all (one that does not parse, or selects from a
/// scalar), since what it meant to use is unknown.
/// </summary>
internal sealed class ExternalUnusedRule : IPreMergeRule
{
    public IEnumerable<CompositionError> Validate(IReadOnlyList<ParsedSubgraph> subgraphs)
    {
        foreach (var subgraph in subgraphs.Where(s => !s.IsFederation1))
        {
            var uses = FieldSetUse.Of(subgraph).ToList();
            if (!uses.All(FieldSetWalker.IsReadable))
            {
                continue;
            }

            var used = uses.SelectMany(FieldSetWalker.Walk).Select(f => (f.Type.Name, f.Name)).ToHashSet();
            foreach (var type in subgraph.Types.Values)
            {
                foreach (var field in type.Fields.Where(f => f.External && !used.Contains((type.Name, f.Name))))
                {
                    if (type.Interfaces.Any(i => subgraph.Type(i)?.Field(field.Name) is not null))
                    {
                        continue;
                    }

                    var coordinate = type.Name + "." + field.Name;
                    yield return new CompositionError(
                        CompositionErrorCodes.ExternalUnused,
                        $"Field \"{coordinate}\" is marked @external but is not used in any federation directive (@key, @provides, @requires) or to satisfy an interface; the field declaration has no use and should be removed (or the field should not be @external).",
                        subgraph.Name,
                        coordinate);
                }
            }
        }
    }
}
