using System.Text.RegularExpressions;
using GraphQLParser;
using GraphQLParser.AST;

namespace ChildInfo.Composition.Tests;

/// <summary>
/// A supergraph as a set of facts (one line per type, field, argument, enum value, description and applied directive,
/// join metadata included), so two supergraphs compare ignoring order, formatting, defaults of the join directives
/// and the <c>@link</c> and definitions boilerplate.
/// </summary>
internal static partial class SupergraphFacts
{
    public static SortedSet<string> Of(string sdl, bool includeUrls = true)
    {
        var document = Parser.Parse(sdl, new ParserOptions { Ignore = IgnoreOptions.Comments });
        var renames = Renames(document);
        var facts = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case GraphQLSchemaDefinition schema:
                    foreach (var root in schema.OperationTypes)
                    {
                        facts.Add($"schema {root.Operation}: {root.Type!.Name.StringValue}");
                    }

                    break;
                case GraphQLEnumTypeDefinition graphs when graphs.Name.StringValue == "join__Graph":
                    foreach (var value in graphs.Values?.Items ?? [])
                    {
                        var directive = value.Directives!.Items[0];
                        var url = includeUrls ? " " + Arg(directive, "url") : string.Empty;
                        facts.Add($"graph {value.Name.StringValue} {Arg(directive, "name")}{url}");
                    }

                    break;
                case GraphQLTypeDefinition type and not GraphQLDirectiveDefinition:
                    var name = type.Name.StringValue;
                    if (name.StartsWith("join__", StringComparison.Ordinal) || name.StartsWith("link__", StringComparison.Ordinal))
                    {
                        break;
                    }

                    AddType(facts, type, renames);
                    break;
            }
        }

        return facts;
    }

    private static void AddType(SortedSet<string> facts, GraphQLTypeDefinition type, Dictionary<string, string> renames)
    {
        var name = type.Name.StringValue;
        facts.Add($"{type.Kind} {name}");
        Describe(facts, name, type.Description);
        Directives(facts, name, (IHasDirectivesNode)type, renames);
        IEnumerable<GraphQLNamedType> interfaces = type switch
        {
            GraphQLObjectTypeDefinition o => o.Interfaces?.Items ?? [],
            GraphQLInterfaceTypeDefinition i => i.Interfaces?.Items ?? [],
            _ => [],
        };
        foreach (var i in interfaces)
        {
            facts.Add($"{name} implements {i.Name.StringValue}");
        }

        if (type is GraphQLUnionTypeDefinition union)
        {
            foreach (var member in union.Types?.Items ?? [])
            {
                facts.Add($"{name} member {member.Name.StringValue}");
            }
        }

        if (type is GraphQLEnumTypeDefinition enumType)
        {
            foreach (var value in enumType.Values?.Items ?? [])
            {
                var coordinate = $"{name}.{value.Name.StringValue}";
                facts.Add($"value {coordinate}");
                Describe(facts, coordinate, value.Description);
                Directives(facts, coordinate, value, renames);
            }
        }

        IEnumerable<GraphQLFieldDefinition> fields = type switch
        {
            GraphQLObjectTypeDefinition o => o.Fields?.Items ?? [],
            GraphQLInterfaceTypeDefinition i => i.Fields?.Items ?? [],
            _ => [],
        };
        foreach (var field in fields)
        {
            var coordinate = $"{name}.{field.Name.StringValue}";
            facts.Add($"field {coordinate}: {Print(field.Type)}");
            Describe(facts, coordinate, field.Description);
            Directives(facts, coordinate, field, renames);
            foreach (var argument in field.Arguments?.Items ?? [])
            {
                InputValue(facts, $"{coordinate}({argument.Name.StringValue}:)", argument, renames);
            }
        }

        if (type is GraphQLInputObjectTypeDefinition input)
        {
            foreach (var field in input.Fields?.Items ?? [])
            {
                InputValue(facts, $"{name}.{field.Name.StringValue}", field, renames);
            }
        }
    }

    private static void InputValue(SortedSet<string> facts, string coordinate, GraphQLInputValueDefinition value, Dictionary<string, string> renames)
    {
        var defaultValue = value.DefaultValue is null ? string.Empty : " = " + Value(value.DefaultValue);
        facts.Add($"input {coordinate}: {Print(value.Type)}{defaultValue}");
        Describe(facts, coordinate, value.Description);
        Directives(facts, coordinate, value, renames);
    }

    private static void Describe(SortedSet<string> facts, string coordinate, GraphQLDescription? description)
    {
        if (description is not null)
        {
            facts.Add($"description {coordinate}: {Whitespace().Replace(description.Value.ToString().Trim(), " ")}");
        }
    }

    private static void Directives(SortedSet<string> facts, string coordinate, IHasDirectivesNode node, Dictionary<string, string> renames)
    {
        foreach (var directive in node.Directives?.Items ?? [])
        {
            var name = directive.Name.StringValue;
            name = renames.GetValueOrDefault(name, name);
            var arguments = (directive.Arguments?.Items ?? [])
                .Where(a => !IsDefault(name, a))
                .Select(a => a.Name.StringValue + ": " + (a.Name.StringValue is "key" or "requires" or "provides" ? FieldSet(Value(a.Value)) : Value(a.Value)))
                .Order(StringComparer.Ordinal).ToList();
            if (name == "deprecated" && directive.Arguments is null)
            {
                arguments = ["reason: \"No longer supported\""];
            }

            facts.Add($"{coordinate} @{name}({string.Join(", ", arguments)})");
        }
    }

    private static bool IsDefault(string directive, GraphQLArgument argument) => (directive, argument.Name.StringValue, Value(argument.Value)) switch
    {
        ("join__type", "extension", "false") => true,
        ("join__type", "resolvable", "true") => true,
        ("join__type", "isInterfaceObject", "false") => true,
        ("join__field", "external", "false") => true,
        ("join__field", "usedOverridden", "false") => true,
        _ => false,
    };

    /// <summary>Directives a supergraph imports under another name (<c>@fed__inaccessible</c>), by that name.</summary>
    private static Dictionary<string, string> Renames(GraphQLDocument document)
    {
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        var schema = document.Definitions.OfType<GraphQLSchemaDefinition>().FirstOrDefault();
        foreach (var link in schema?.Directives?.Items.Where(d => d.Name.StringValue == "link") ?? [])
        {
            if (link.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == "import")?.Value is not GraphQLListValue imports)
            {
                continue;
            }

            foreach (var item in (imports.Values ?? []).OfType<GraphQLObjectValue>())
            {
                var name = (item.Fields?.FirstOrDefault(f => f.Name.StringValue == "name")?.Value as GraphQLStringValue)?.Value.ToString();
                var alias = (item.Fields?.FirstOrDefault(f => f.Name.StringValue == "as")?.Value as GraphQLStringValue)?.Value.ToString();
                if (name is not null && alias is not null)
                {
                    renames[alias.TrimStart('@')] = name.TrimStart('@');
                }
            }
        }

        return renames;
    }

    private static string FieldSet(string quoted) => Whitespace().Replace(quoted.Replace("{", " { ").Replace("}", " } "), " ").Replace("\" ", "\"").Replace(" \"", "\"");

    private static string Arg(GraphQLDirective directive, string name) =>
        Value(directive.Arguments!.Items.First(a => a.Name.StringValue == name).Value);

    private static string Value(GraphQLValue value) => value switch
    {
        GraphQLStringValue s => "\"" + s.Value.ToString() + "\"",
        GraphQLIntValue i => i.Value.ToString(),
        GraphQLFloatValue f => f.Value.ToString(),
        GraphQLBooleanValue b => b.BoolValue ? "true" : "false",
        GraphQLNullValue => "null",
        GraphQLEnumValue e => e.Name.StringValue,
        GraphQLListValue l => "[" + string.Join(", ", (l.Values ?? []).Select(Value)) + "]",
        GraphQLObjectValue o => "{" + string.Join(", ", (o.Fields ?? []).Select(f => f.Name.StringValue + ": " + Value(f.Value))) + "}",
        _ => value.Kind.ToString(),
    };

    private static string Print(GraphQLType type) => type switch
    {
        GraphQLNonNullType nn => Print(nn.Type) + "!",
        GraphQLListType list => "[" + Print(list.Type) + "]",
        GraphQLNamedType named => named.Name.StringValue,
        _ => "?",
    };

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
