using ChildInfo.Federation.Composition.Model;

namespace ChildInfo.Federation.Composition.Validation;

/// <summary>
/// OVERRIDE_FROM_SELF_ERROR and OVERRIDE_SOURCE_HAS_OVERRIDE: a field overrides itself, or two subgraphs override
/// the same field from each other. (Overriding a subgraph that does not exist is allowed, as in Apollo: a hint.)
/// </summary>
internal sealed class OverrideRule : IPreMergeRule
{
    public IEnumerable<CompositionError> Validate(IReadOnlyList<ParsedSubgraph> subgraphs)
    {
        foreach (var subgraph in subgraphs)
        {
            foreach (var type in subgraph.Types.Values)
            {
                foreach (var field in type.Fields.Where(f => f.OverrideFrom is not null))
                {
                    var coordinate = type.Name + "." + field.Name;
                    if (field.OverrideFrom == subgraph.Name)
                    {
                        yield return new CompositionError(
                            CompositionErrorCodes.OverrideFromSelf,
                            $"Source and destination subgraphs \"{subgraph.Name}\" are the same for overridden field \"{coordinate}\"",
                            subgraph.Name,
                            coordinate);
                        continue;
                    }

                    var source = subgraphs.FirstOrDefault(s => s.Name == field.OverrideFrom)?.Type(type.Name)?.Field(field.Name);
                    if (source?.OverrideFrom is not null)
                    {
                        yield return new CompositionError(
                            CompositionErrorCodes.OverrideSourceHasOverride,
                            $"Field \"{coordinate}\" on subgraph \"{subgraph.Name}\" is also marked with directive @override in subgraph \"{field.OverrideFrom}\". Only one @override directive is allowed per field.",
                            subgraph.Name,
                            coordinate);
                    }
                }
            }
        }
    }
}
