using System.Text;
using ChildInfo.Federation.Composition.Merging;
using ChildInfo.Federation.Composition.Parsing;
using ChildInfo.Federation.Supergraph;

namespace ChildInfo.Federation.Composition.Printing;

/// <summary>Prints a <see cref="MergedSchema"/> as an Apollo Federation 2 supergraph SDL (join v0.3, or v0.4 with override labels).</summary>
internal static class SupergraphPrinter
{
    public static string Print(MergedSchema schema)
    {
        var text = new StringBuilder();
        var labels = schema.Types.Values.SelectMany(t => t.Fields).SelectMany(f => f.Joins).Any(j => j.OverrideLabel is not null);
        var inaccessible = HasAny(schema, e => e.Inaccessible);
        var tags = HasAny(schema, e => e.Tags.Count > 0);
        Description(text, schema.Description, string.Empty);
        text.Append("schema\n  @link(url: \"https://specs.apollo.dev/link/v1.0\")\n");
        text.Append("  @link(url: \"https://specs.apollo.dev/join/").Append(labels ? "v0.4" : "v0.3").Append("\", for: EXECUTION)\n");
        if (inaccessible)
        {
            text.Append("  @link(url: \"https://specs.apollo.dev/inaccessible/v0.2\", for: SECURITY)\n");
        }

        if (tags)
        {
            text.Append("  @link(url: \"https://specs.apollo.dev/tag/v0.3\")\n");
        }

        foreach (var group in schema.ComposedDirectives.Values.Where(d => d.LinkUrl is not null).GroupBy(d => d.LinkUrl))
        {
            text.Append("  @link(url: ").Append(ValuePrinter.Quote(group.Key!)).Append(", import: [")
                .AppendJoin(", ", group.Select(d => ValuePrinter.Quote("@" + d.Name))).Append("])\n");
        }

        text.Append("{\n  query: Query\n");
        if (schema.Types.ContainsKey("Mutation"))
        {
            text.Append("  mutation: Mutation\n");
        }

        if (schema.Types.ContainsKey("Subscription"))
        {
            text.Append("  subscription: Subscription\n");
        }

        text.Append("}\n\n");
        text.Append(SupergraphDefinitions.Join(labels));
        if (inaccessible)
        {
            text.Append(SupergraphDefinitions.Inaccessible);
        }

        if (tags)
        {
            text.Append(SupergraphDefinitions.Tag);
        }

        foreach (var directive in schema.ComposedDirectives.Values)
        {
            text.Append(directive.Definition).Append("\n\n");
        }

        text.Append("enum join__Graph {\n");
        foreach (var subgraph in schema.Subgraphs)
        {
            text.Append("  ").Append(subgraph.GraphEnum).Append(" @join__graph(name: ").Append(ValuePrinter.Quote(subgraph.Name))
                .Append(", url: ").Append(ValuePrinter.Quote(subgraph.Url)).Append(")\n");
        }

        text.Append("}\n\n");
        foreach (var type in schema.Types.Values)
        {
            PrintType(text, type);
        }

        return text.ToString();
    }

    private static bool HasAny(MergedSchema schema, Func<MergedElement, bool> predicate) =>
        schema.Types.Values.Any(t => predicate(t)
            || t.Fields.Any(f => predicate(f) || f.Arguments.Any(predicate))
            || t.Values.Any(predicate));

    private static void PrintType(StringBuilder text, MergedType type)
    {
        Description(text, type.Description, string.Empty);
        text.Append(type.Kind switch
        {
            SupergraphTypeKind.Object => "type ",
            SupergraphTypeKind.Interface => "interface ",
            SupergraphTypeKind.Union => "union ",
            SupergraphTypeKind.Enum => "enum ",
            SupergraphTypeKind.InputObject => "input ",
            _ => "scalar ",
        }).Append(type.Name);
        if (type.Interfaces.Count > 0)
        {
            text.Append(" implements ").AppendJoin(" & ", type.Interfaces);
        }

        text.Append('\n');
        foreach (var (graph, implemented) in type.Implements)
        {
            text.Append("  @join__implements(graph: ").Append(graph).Append(", interface: ").Append(ValuePrinter.Quote(implemented)).Append(")\n");
        }

        foreach (var join in type.Joins)
        {
            text.Append("  @join__type(graph: ").Append(join.Graph);
            if (join.Key is not null)
            {
                text.Append(", key: ").Append(ValuePrinter.Quote(join.Key));
            }

            text.Append(join.Extension ? ", extension: true" : string.Empty)
                .Append(join.Resolvable ? string.Empty : ", resolvable: false")
                .Append(join.IsInterfaceObject ? ", isInterfaceObject: true" : string.Empty).Append(")\n");
        }

        foreach (var (graph, member) in type.UnionMembers)
        {
            text.Append("  @join__unionMember(graph: ").Append(graph).Append(", member: ").Append(ValuePrinter.Quote(member)).Append(")\n");
        }

        AppendDirectives(text, type, "  ", "\n");
        switch (type.Kind)
        {
            case SupergraphTypeKind.Union:
                text.Append(" = ").AppendJoin(" | ", type.Members).Append("\n\n");
                return;
            case SupergraphTypeKind.Scalar:
                text.Append('\n');
                return;
            case SupergraphTypeKind.Enum:
                text.Append("{\n");
                foreach (var value in type.Values)
                {
                    Description(text, value.Description, "  ");
                    text.Append("  ").Append(value.Name);
                    foreach (var graph in value.Graphs)
                    {
                        text.Append(" @join__enumValue(graph: ").Append(graph).Append(')');
                    }

                    AppendDirectives(text, value, " ", string.Empty);
                    text.Append('\n');
                }

                text.Append("}\n\n");
                return;
        }

        text.Append("{\n");
        foreach (var field in type.Fields)
        {
            Description(text, field.Description, "  ");
            text.Append("  ").Append(field.Name);
            if (type.Kind == SupergraphTypeKind.InputObject)
            {
                text.Append(": ").Append(field.Type);
                var defaultValue = field.Arguments.FirstOrDefault()?.DefaultValue;
                if (defaultValue is not null)
                {
                    text.Append(" = ").Append(defaultValue);
                }
            }
            else
            {
                if (field.Arguments.Count > 0)
                {
                    text.Append('(').AppendJoin(", ", field.Arguments.Select(Argument)).Append(')');
                }

                text.Append(": ").Append(field.Type);
            }

            foreach (var join in field.Joins)
            {
                AppendFieldJoin(text, join);
            }

            AppendDirectives(text, field, " ", string.Empty);
            text.Append('\n');
        }

        text.Append("}\n\n");
    }

    private static void AppendFieldJoin(StringBuilder text, FieldJoinDef join)
    {
        if (join.Graph is null)
        {
            text.Append(" @join__field");
            return;
        }

        var arguments = new List<string> { "graph: " + join.Graph };
        if (join.Requires is not null)
        {
            arguments.Add("requires: " + ValuePrinter.Quote(join.Requires));
        }

        if (join.Provides is not null)
        {
            arguments.Add("provides: " + ValuePrinter.Quote(join.Provides));
        }

        if (join.Type is not null)
        {
            arguments.Add("type: " + ValuePrinter.Quote(join.Type));
        }

        if (join.External)
        {
            arguments.Add("external: true");
        }

        if (join.Override is not null)
        {
            arguments.Add("override: " + ValuePrinter.Quote(join.Override));
        }

        if (join.UsedOverridden)
        {
            arguments.Add("usedOverridden: true");
        }

        if (join.OverrideLabel is not null)
        {
            arguments.Add("overrideLabel: " + ValuePrinter.Quote(join.OverrideLabel));
        }

        text.Append(" @join__field(").AppendJoin(", ", arguments).Append(')');
    }

    private static string Argument(MergedArgument argument)
    {
        var text = new StringBuilder();
        if (argument.Description is not null)
        {
            text.Append(ValuePrinter.Quote(argument.Description)).Append(' ');
        }

        text.Append(argument.Name).Append(": ").Append(argument.Type);
        if (argument.DefaultValue is not null)
        {
            text.Append(" = ").Append(argument.DefaultValue);
        }

        AppendDirectives(text, argument, " ", string.Empty);
        return text.ToString();
    }

    private static void AppendDirectives(StringBuilder text, MergedElement element, string before, string after)
    {
        if (element.Deprecation is not null)
        {
            text.Append(before).Append(element.Deprecation.Length == 0 ? "@deprecated" : "@deprecated(reason: " + ValuePrinter.Quote(element.Deprecation) + ")").Append(after);
        }

        if (element.Inaccessible)
        {
            text.Append(before).Append("@inaccessible").Append(after);
        }

        foreach (var tag in element.Tags)
        {
            text.Append(before).Append("@tag(name: ").Append(ValuePrinter.Quote(tag)).Append(')').Append(after);
        }

        foreach (var directive in element.ComposedDirectives)
        {
            text.Append(before).Append(directive).Append(after);
        }
    }

    private static void Description(StringBuilder text, string? description, string indent)
    {
        if (description is not null)
        {
            text.Append(indent).Append(ValuePrinter.Quote(description)).Append('\n');
        }
    }
}
