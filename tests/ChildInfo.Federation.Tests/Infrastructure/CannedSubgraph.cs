using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.SystemTextJson;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace ChildInfo.Federation.Tests.Infrastructure;

/// <summary>
/// A federation subgraph for tests: its SDL (federation directives included) is turned into a GraphQL.NET schema
/// with <c>_entities</c>, and every query is really executed over canned JSON data.
/// </summary>
/// <remarks>
/// Data file: <c>{"Query": {...root field values...}, "Mutation": {...}, "entities": {"Type": [objects]}}</c>. A value
/// may be <c>{"$error": "message"}</c> (the resolver fails), <c>{"$template": "text {field} {object.field}"}</c> (computed
/// from the object, including fields received in the representation), <c>{"$byArg": "name", "values": {"v": ...}}</c> (chosen by
/// an argument), <c>{"$ref": "Type", ...key}</c> (an entity from <c>entities</c>) or <c>{"$counter": true}</c> (a
/// number shared by all subgraphs of a test, counting calls).
/// </remarks>
internal sealed class CannedSubgraph
{
    private static readonly GraphQLSerializer Serializer = new();
    private static readonly DocumentExecuter Executer = new();
    private readonly JsonElement _data;
    private readonly ISchema _schema;
    private readonly Func<int> _counter;

    public CannedSubgraph(string name, string sdl, string dataJson, Func<int> counter)
    {
        Name = name;
        _data = JsonDocument.Parse(dataJson).RootElement;
        _counter = counter;
        _schema = BuildSchema(sdl);
    }

    public string Name { get; }

    public async Task<byte[]> ExecuteAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var request = Serializer.Deserialize<GraphQLRequest>(Encoding.UTF8.GetString(body.Span))!;
        var result = await Executer.ExecuteAsync(options =>
        {
            options.Schema = _schema;
            options.Query = request.Query;
            options.Variables = request.Variables;
            options.OperationName = request.OperationName;
            options.CancellationToken = cancellationToken;
            options.ThrowOnUnhandledException = true;
        });
        return Encoding.UTF8.GetBytes(Serializer.Serialize(result));
    }

    /// <summary>Validates an operation against this subgraph's schema (its representations as an empty list).</summary>
    public async Task<string?> ValidationErrorAsync(string query)
    {
        var document = Parser.Parse(query);
        var operation = document.Definitions.OfType<GraphQLOperationDefinition>().Single();
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var definition in operation.Variables?.Items ?? [])
        {
            variables[definition.Variable.Name.StringValue] = new List<object?>();
        }

        var result = await new GraphQL.Validation.DocumentValidator().ValidateAsync(new GraphQL.Validation.ValidationOptions
        {
            Schema = _schema,
            Document = document,
            Operation = operation,
            Rules = GraphQL.Validation.DocumentValidator.CoreRules,
            Variables = new Inputs(variables),
        });
        return result.IsValid ? null : result.Errors[0].Message;
    }

    private ISchema BuildSchema(string sdl)
    {
        var document = Parser.Parse(sdl);
        var entityTypes = new List<string>();
        var abstractTypes = new List<string>();
        var scalars = new List<string> { "_Any" };
        var fields = new List<(string Type, string Field)>();
        GraphQLObjectTypeDefinition? query = null;
        document.Definitions.RemoveAll(d => d is GraphQLSchemaExtension or GraphQLSchemaDefinition or GraphQLDirectiveDefinition);
        foreach (var definition in document.Definitions)
        {
            if (definition is IHasDirectivesNode { Directives: not null } withDirectives)
            {
                if (withDirectives.Directives.Items.Any(d => d.Name.StringValue == "key") && definition is GraphQLObjectTypeDefinition)
                {
                    entityTypes.Add(((GraphQLTypeDefinition)definition).Name.StringValue);
                }

                withDirectives.Directives = null;
            }

            switch (definition)
            {
                case GraphQLObjectTypeDefinition o:
                    if (o.Name.StringValue == "Query")
                    {
                        query = o;
                    }

                    foreach (var field in o.Fields?.Items ?? [])
                    {
                        field.Directives = null;
                        fields.Add((o.Name.StringValue, field.Name.StringValue));
                    }

                    break;
                case GraphQLInterfaceTypeDefinition i:
                    abstractTypes.Add(i.Name.StringValue);
                    foreach (var field in i.Fields?.Items ?? [])
                    {
                        field.Directives = null;
                    }

                    break;
                case GraphQLUnionTypeDefinition u:
                    abstractTypes.Add(u.Name.StringValue);
                    break;
                case GraphQLScalarTypeDefinition s:
                    scalars.Add(s.Name.StringValue);
                    break;
                case GraphQLEnumTypeDefinition e:
                    foreach (var value in e.Values?.Items ?? [])
                    {
                        value.Directives = null;
                    }

                    break;
            }
        }

        var printed = new StringBuilder(new SDLPrinter().Print(document));
        printed.Append("\nscalar _Any\n");
        if (entityTypes.Count > 0)
        {
            printed.Append("union _Entity = ").Append(string.Join(" | ", entityTypes)).Append('\n');
            printed.Append(query is null ? "type Query {\n" : "extend type Query {\n");
            printed.Append("  _entities(representations: [_Any!]!): [_Entity]!\n}\n");
            abstractTypes.Add("_Entity");
        }

        ISchema? built = null;
        var schema = Schema.For(printed.ToString(), builder =>
        {
            foreach (var (type, field) in fields)
            {
                builder.Types.For(type).FieldFor(field).Resolver = new FuncFieldResolver<object?>(ctx => ResolveField(ctx, type, field));
            }

            foreach (var type in abstractTypes)
            {
                builder.Types.For(type).ResolveType = source =>
                    source is JsonElement { ValueKind: JsonValueKind.Object } e && e.TryGetProperty("__typename", out var t)
                        ? (IObjectGraphType)built!.AllTypes[t.GetString()!]!
                        : null!;
            }

            if (entityTypes.Count > 0)
            {
                builder.Types.For("Query").FieldFor("_entities").Resolver = new FuncFieldResolver<object?>(ResolveEntities);
            }
        });
        foreach (var scalar in scalars)
        {
            schema.RegisterType(new AnyScalarGraphType(scalar));
        }

        schema.Initialize();
        built = schema;
        return schema;
    }

    private object? ResolveEntities(IResolveFieldContext context)
    {
        var representations = context.GetArgument<List<object?>>("representations");
        var result = new List<object?>();
        foreach (var representation in representations)
        {
            var rep = JsonSerializer.SerializeToElement(representation);
            var typename = rep.GetProperty("__typename").GetString()!;
            result.Add(FindEntity(typename, rep));
        }

        return result;
    }

    private JsonElement? FindEntity(string typename, JsonElement representation)
    {
        if (!_data.TryGetProperty("entities", out var entities) || !entities.TryGetProperty(typename, out var candidates))
        {
            return null;
        }

        foreach (var candidate in candidates.EnumerateArray())
        {
            var matched = 0;
            var mismatch = false;
            foreach (var property in representation.EnumerateObject())
            {
                if (property.Name == "__typename" || !candidate.TryGetProperty(property.Name, out var value))
                {
                    continue;
                }

                if (value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                {
                    continue;
                }

                if (value.GetRawText() == property.Value.GetRawText())
                {
                    matched++;
                }
                else
                {
                    mismatch = true;
                }
            }

            if (matched > 0 && !mismatch)
            {
                var merged = JsonNode.Parse(representation.GetRawText())!.AsObject();
                foreach (var property in candidate.EnumerateObject())
                {
                    merged[property.Name] = JsonNode.Parse(property.Value.GetRawText());
                }

                // Templates read nested required fields ({author.yearsOfExperience}) as the representation sent them.
                merged["$representation"] = JsonNode.Parse(representation.GetRawText());

                if (!candidate.TryGetProperty("__typename", out _))
                {
                    merged["__typename"] = typename;
                }

                return JsonSerializer.SerializeToElement(merged);
            }
        }

        return null;
    }

    private object? ResolveField(IResolveFieldContext context, string type, string field)
    {
        JsonElement source;
        if (context.Source is JsonElement element)
        {
            source = element;
        }
        else if (_data.TryGetProperty(type, out var root))
        {
            source = root;
        }
        else
        {
            return null;
        }

        if (source.ValueKind != JsonValueKind.Object || !source.TryGetProperty(field, out var value))
        {
            return null;
        }

        return Evaluate(context, source, value);
    }

    private object? Evaluate(IResolveFieldContext context, JsonElement source, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            if (value.TryGetProperty("$error", out var error))
            {
                throw new ExecutionError(error.GetString()!) { Code = "CANNED_ERROR" };
            }

            if (value.TryGetProperty("$template", out var template))
            {
                var text = template.GetString()!;
                foreach (var property in source.EnumerateObject())
                {
                    text = text.Replace("{" + property.Name + "}", property.Value.ToString(), StringComparison.Ordinal);
                }

                // {author.yearsOfExperience}: a field of an object the representation brought (a nested requirement).
                text = System.Text.RegularExpressions.Regex.Replace(text, @"\{(\w+(?:\.\w+)+)\}", match =>
                {
                    var current = source.TryGetProperty("$representation", out var sent) ? sent : source;
                    foreach (var name in match.Groups[1].Value.Split('.'))
                    {
                        if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
                        {
                            return match.Value;
                        }
                    }

                    return current.ValueKind == JsonValueKind.String ? current.GetString()! : current.GetRawText();
                });
                return text.Contains('{', StringComparison.Ordinal) ? throw new ExecutionError("Missing field for template: " + text) : text;
            }

            if (value.TryGetProperty("$byArg", out var argName))
            {
                var argument = context.Arguments?[argName.GetString()!].Value;
                var key = argument switch
                {
                    null => "null",
                    bool b => b ? "true" : "false",
                    _ => Convert.ToString(argument, System.Globalization.CultureInfo.InvariantCulture)!,
                };
                return value.GetProperty("values").TryGetProperty(key, out var chosen) ? Evaluate(context, source, chosen) : null;
            }

            if (value.TryGetProperty("$ref", out var reference))
            {
                return FindEntity(reference.GetString()!, value);
            }

            if (value.TryGetProperty("$counter", out _))
            {
                return _counter();
            }

            return value;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Array => value.EnumerateArray().Select(item => Evaluate(context, source, item)).ToList(),
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.TryGetInt32(out var i) ? (object)i : value.GetDouble(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        };
    }
}
