using ChildInfo.Federation.Composition.Model;
using ChildInfo.Federation.Supergraph;

namespace ChildInfo.Federation.Composition.Merging;

/// <summary>Where each enum is used across the subgraphs: as an input (argument, input field), an output, or both.</summary>
internal sealed class EnumUsage
{
    public Dictionary<string, string> InputExample { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> OutputExample { get; } = new(StringComparer.Ordinal);

    public static EnumUsage Of(IEnumerable<ParsedSubgraph> subgraphs)
    {
        var usage = new EnumUsage();
        foreach (var subgraph in subgraphs)
        {
            foreach (var type in subgraph.Types.Values)
            {
                foreach (var field in type.Fields)
                {
                    var named = field.Type.NamedType;
                    if (type.Kind == SupergraphTypeKind.InputObject)
                    {
                        usage.InputExample.TryAdd(named, $"{type.Name}.{field.Name}");
                        continue;
                    }

                    usage.OutputExample.TryAdd(named, $"{type.Name}.{field.Name}");
                    foreach (var argument in field.Arguments)
                    {
                        usage.InputExample.TryAdd(argument.Type.NamedType, $"{type.Name}.{field.Name}({argument.Name}:)");
                    }
                }
            }
        }

        return usage;
    }
}
