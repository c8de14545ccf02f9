using ChildInfo.Federation.Composition.Model;
using ChildInfo.Federation.Supergraph;
using GraphQLParser.AST;

namespace ChildInfo.Federation.Composition.Parsing;

/// <summary>Reads types, fields, arguments and enum values with the directives composition cares about.</summary>
internal sealed class ElementReader(FederationDirectiveNames names, Dictionary<string, string> composed)
{
    // A bare @deprecated: printed bare again, as Apollo does.
    private const string DefaultDeprecation = "";

    public void ReadType(ASTNode definition, SubgraphTypeDef type)
    {
        if (definition is GraphQLTypeDefinition typeDefinition)
        {
            type.HasDefinition = true;
            if (typeDefinition.Description is not null)
            {
                type.Description ??= typeDefinition.Description.Value.ToString();
            }
        }
        else
        {
            type.HasExtension = true;
        }

        foreach (var directive in ((IHasDirectivesNode)definition).Directives?.Items ?? [])
        {
            var local = directive.Name.StringValue;
            switch (names.Canonical(local))
            {
                case "key":
                    type.Keys.Add(new KeyDirective(Ast.StringArg(directive, "fields") ?? string.Empty, Ast.BoolArg(directive, "resolvable", true)));
                    break;
                case "shareable": type.Shareable = true; break;
                case "extends": type.IsExtension = true; break;
                case "interfaceObject": type.InterfaceObject = true; break;
                case "inaccessible": type.Inaccessible = true; break;
                case "tag": AddTag(type.Tags, directive); break;
                default:
                    if (composed.ContainsKey(local))
                    {
                        type.ComposedDirectives.Add(ValuePrinter.PrintDirective(local, directive));
                    }

                    break;
            }
        }

        IEnumerable<GraphQLNamedType> interfaces = definition switch
        {
            GraphQLObjectTypeDefinition o => o.Interfaces?.Items ?? [],
            GraphQLObjectTypeExtension o => o.Interfaces?.Items ?? [],
            GraphQLInterfaceTypeDefinition i => i.Interfaces?.Items ?? [],
            GraphQLInterfaceTypeExtension i => i.Interfaces?.Items ?? [],
            _ => [],
        };
        type.Interfaces.AddRange(interfaces.Select(i => i.Name.StringValue).Where(n => !type.Interfaces.Contains(n)));

        IEnumerable<GraphQLNamedType> members = definition switch
        {
            GraphQLUnionTypeDefinition u => u.Types?.Items ?? [],
            GraphQLUnionTypeExtension u => u.Types?.Items ?? [],
            _ => [],
        };
        type.Members.AddRange(members.Select(m => m.Name.StringValue).Where(n => !type.Members.Contains(n)));

        IEnumerable<GraphQLEnumValueDefinition> values = definition switch
        {
            GraphQLEnumTypeDefinition e => e.Values?.Items ?? [],
            GraphQLEnumTypeExtension e => e.Values?.Items ?? [],
            _ => [],
        };
        foreach (var value in values)
        {
            type.Values.Add(ReadEnumValue(value));
        }

        IEnumerable<GraphQLFieldDefinition> fields = definition switch
        {
            GraphQLObjectTypeDefinition o => o.Fields?.Items ?? [],
            GraphQLObjectTypeExtension o => o.Fields?.Items ?? [],
            GraphQLInterfaceTypeDefinition i => i.Fields?.Items ?? [],
            GraphQLInterfaceTypeExtension i => i.Fields?.Items ?? [],
            _ => [],
        };
        foreach (var field in fields)
        {
            var name = field.Name.StringValue;
            if (type.Name == "Query" && name is "_service" or "_entities")
            {
                continue;
            }

            type.Fields.Add(ReadField(field));
        }

        IEnumerable<GraphQLInputValueDefinition> inputFields = definition switch
        {
            GraphQLInputObjectTypeDefinition i => i.Fields?.Items ?? [],
            GraphQLInputObjectTypeExtension i => i.Fields?.Items ?? [],
            _ => [],
        };
        foreach (var inputField in inputFields)
        {
            var argument = ReadArgument(inputField);
            var field = new SubgraphFieldDef(argument.Name, argument.Type)
            {
                Description = argument.Description,
                Deprecation = argument.Deprecation,
                Inaccessible = argument.Inaccessible,
            };
            field.Tags.AddRange(argument.Tags);
            field.ComposedDirectives.AddRange(argument.ComposedDirectives);
            field.Arguments.Add(argument);
            type.Fields.Add(field);
        }
    }

    private SubgraphFieldDef ReadField(GraphQLFieldDefinition definition)
    {
        var field = new SubgraphFieldDef(definition.Name.StringValue, Ast.ToTypeRef(definition.Type))
        {
            Description = definition.Description?.Value.ToString(),
        };
        foreach (var argument in definition.Arguments?.Items ?? [])
        {
            field.Arguments.Add(ReadArgument(argument));
        }

        foreach (var directive in definition.Directives?.Items ?? [])
        {
            var local = directive.Name.StringValue;
            switch (names.Canonical(local) ?? local)
            {
                case "shareable": field.Shareable = true; break;
                case "external": field.External = true; break;
                case "requires": field.Requires = Ast.StringArg(directive, "fields"); break;
                case "provides": field.Provides = Ast.StringArg(directive, "fields"); break;
                case "override":
                    field.OverrideFrom = Ast.StringArg(directive, "from");
                    field.OverrideLabel = Ast.StringArg(directive, "label");
                    break;
                case "inaccessible": field.Inaccessible = true; break;
                case "tag": AddTag(field.Tags, directive); break;
                case "deprecated": field.Deprecation = Ast.StringArg(directive, "reason") ?? DefaultDeprecation; break;
                default:
                    if (composed.ContainsKey(local))
                    {
                        field.ComposedDirectives.Add(ValuePrinter.PrintDirective(local, directive));
                    }

                    break;
            }
        }

        return field;
    }

    private SubgraphArgumentDef ReadArgument(GraphQLInputValueDefinition definition)
    {
        var argument = new SubgraphArgumentDef(definition.Name.StringValue, Ast.ToTypeRef(definition.Type))
        {
            Description = definition.Description?.Value.ToString(),
            DefaultValue = definition.DefaultValue is null ? null : ValuePrinter.Print(definition.DefaultValue),
        };
        foreach (var directive in definition.Directives?.Items ?? [])
        {
            var local = directive.Name.StringValue;
            switch (names.Canonical(local) ?? local)
            {
                case "inaccessible": argument.Inaccessible = true; break;
                case "tag": AddTag(argument.Tags, directive); break;
                case "deprecated": argument.Deprecation = Ast.StringArg(directive, "reason") ?? DefaultDeprecation; break;
                default:
                    if (composed.ContainsKey(local))
                    {
                        argument.ComposedDirectives.Add(ValuePrinter.PrintDirective(local, directive));
                    }

                    break;
            }
        }

        return argument;
    }

    private SubgraphEnumValueDef ReadEnumValue(GraphQLEnumValueDefinition definition)
    {
        var value = new SubgraphEnumValueDef(definition.Name.StringValue) { Description = definition.Description?.Value.ToString() };
        foreach (var directive in definition.Directives?.Items ?? [])
        {
            var local = directive.Name.StringValue;
            switch (names.Canonical(local) ?? local)
            {
                case "inaccessible": value.Inaccessible = true; break;
                case "tag": AddTag(value.Tags, directive); break;
                case "deprecated": value.Deprecation = Ast.StringArg(directive, "reason") ?? DefaultDeprecation; break;
                default:
                    if (composed.ContainsKey(local))
                    {
                        value.ComposedDirectives.Add(ValuePrinter.PrintDirective(local, directive));
                    }

                    break;
            }
        }

        return value;
    }

    private static void AddTag(List<string> tags, GraphQLDirective directive)
    {
        var name = Ast.StringArg(directive, "name");
        if (name is not null && !tags.Contains(name))
        {
            tags.Add(name);
        }
    }
}
