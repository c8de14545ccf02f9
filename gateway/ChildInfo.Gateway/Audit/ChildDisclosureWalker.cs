using System.Text.Json;
using ChildInfo.Audit.Records;
using ChildInfo.Federation.Supergraph;
using GraphQLParser.AST;

namespace ChildInfo.Gateway.Audit;

/// <summary>
/// Finds which children a request touched and what it showed about each, from the operation document and the response
/// data (never the variables, except to read a child id passed to a lookup). What counts:
/// <list type="bullet">
/// <item>A child is touched when a <c>Child</c> object in the response carries an <c>id</c> (under any alias), or when a
/// field returning <c>Child</c> takes an <c>id</c> argument (<c>child(id:)</c>), literal or variable, even when the
/// answer is null or the request was refused.</item>
/// <item>Inside a <c>Child</c> object, every field with a non-null value in the response counts as disclosed for that
/// child, and so does everything below it (the linked <c>pupil</c>, <c>socialCareChild</c>… records), until another
/// <c>Child</c> object starts. A <c>Child</c> whose id is neither selected nor passed as an argument (for example
/// <c>searchChildren { child { forename } }</c>) is not attributable: its fields are not recorded per child.</item>
/// <item>Each disclosed field is recorded by coordinate (<c>Type.field</c>), label (each of its classification labels,
/// or the coordinate itself when no policy classifies it) and source subgraph (the subgraph that resolves it, as the
/// supergraph's <c>@join__field</c> says; the first of them for a shareable field).</item>
/// <item>Agency records fetched directly (<c>pupil(upn:)</c>, <c>caseload</c>…) name no child id: the record keeps the
/// operation text, not a child.</item>
/// </list>
/// </summary>
public sealed class ChildDisclosureWalker
{
    public const string ChildType = "Child";
    private const string IdField = "id";

    private readonly SupergraphSchema _schema;
    private readonly Func<string, IReadOnlyList<string>> _labels;
    private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments = new(StringComparer.Ordinal);
    private readonly JsonElement? _variables;
    private readonly Dictionary<string, List<DisclosedField>> _children = new(StringComparer.Ordinal);
    private readonly HashSet<(string Child, string Field, string Label)> _seen = [];
    private readonly List<object> _path = [];
    private readonly IDictionary<string, string>? _childByPath;

    private ChildDisclosureWalker(SupergraphSchema schema, Func<string, IReadOnlyList<string>> labels, JsonElement? variables, IDictionary<string, string>? childByPath)
    {
        _schema = schema;
        _labels = labels;
        _variables = variables;
        _childByPath = childByPath;
    }

    /// <summary>The key of a response path in <c>childByPath</c>: its segments joined with <c>/</c>.</summary>
    public static string PathKey(IEnumerable<object> path) =>
        string.Join('/', path.Select(p => Convert.ToString(p, System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>
    /// Each child touched with the fields disclosed about it, in the order first met. <paramref name="data"/> is the
    /// response's <c>data</c> (absent for a refused request: then only lookup arguments count). When
    /// <paramref name="childByPath"/> is given, it receives the child each object of the response belongs to, by the
    /// object's response path (<see cref="PathKey"/>), for objects attributable to a child.
    /// </summary>
    public static IReadOnlyDictionary<string, List<DisclosedField>> Walk(
        SupergraphSchema schema, string? query, string? operationName, JsonElement? variables, JsonElement? data, Func<string, IReadOnlyList<string>> labels,
        IDictionary<string, string>? childByPath = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(labels);
        var walker = new ChildDisclosureWalker(schema, labels, variables, childByPath);
        if (string.IsNullOrEmpty(query))
        {
            return walker._children;
        }

        if (AuditQueryDocuments.Parse(query) is not { } document)
        {
            return walker._children;
        }

        GraphQLOperationDefinition? operation = null;
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case GraphQLFragmentDefinition fragment:
                    walker._fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
                    break;
                case GraphQLOperationDefinition op when operationName is null || op.Name?.StringValue == operationName:
                    operation ??= op;
                    break;
            }
        }

        if (operation is null)
        {
            return walker._children;
        }

        var rootType = operation.Operation == OperationType.Mutation ? schema.MutationType : schema.QueryType;
        if (rootType is not null)
        {
            walker.Object(operation.SelectionSet, rootType, data is { ValueKind: JsonValueKind.Object } d ? d : null, childId: null, visited: 0);
        }

        return walker._children;
    }

    private void Object(GraphQLSelectionSet selections, string typeName, JsonElement? value, string? childId, int visited)
    {
        if (visited > 64)
        {
            return;
        }

        var fields = new List<(GraphQLField Field, string ParentType)>();
        Collect(selections, typeName, fields, 0);
        if (typeName == ChildType && value is { } obj)
        {
            foreach (var (field, _) in fields)
            {
                if (field.Name.StringValue == IdField && obj.TryGetProperty(ResponseKey(field), out var id) && id.ValueKind == JsonValueKind.String)
                {
                    childId = id.GetString();
                    break;
                }
            }

            if (childId is not null)
            {
                Touch(childId);
            }
        }

        if (_childByPath is not null && childId is not null && value is not null)
        {
            _childByPath[PathKey(_path)] = childId;
        }

        foreach (var (field, parentType) in fields)
        {
            var name = field.Name.StringValue;
            if (name.StartsWith("__", StringComparison.Ordinal))
            {
                continue;
            }

            var definition = _schema.Types.TryGetValue(parentType, out var parent) ? parent.Field(name) : null;
            if (definition is null)
            {
                continue;
            }

            var namedType = definition.Type.NamedType;
            var lookupChild = namedType == ChildType ? ArgumentChildId(field) : null;
            if (lookupChild is not null)
            {
                Touch(lookupChild);
            }

            JsonElement fieldValue = default;
            var present = value is { } o && o.TryGetProperty(ResponseKey(field), out fieldValue) && fieldValue.ValueKind != JsonValueKind.Null;
            if (present && childId is not null)
            {
                Disclose(childId, parentType, name, parent!, definition);
            }

            if (field.SelectionSet is { } sub)
            {
                if (present)
                {
                    _path.Add(ResponseKey(field));
                    Values(sub, namedType, fieldValue, lookupChild ?? (namedType == ChildType ? null : childId), visited + 1);
                    _path.RemoveAt(_path.Count - 1);
                }
                else if (lookupChild is null)
                {
                    // Refused or absent: nothing shown below, but lookups by child id further down still touch children.
                    Values(sub, namedType, null, null, visited + 1);
                }
            }
        }
    }

    private void Values(GraphQLSelectionSet selections, string typeName, JsonElement? value, string? childId, int visited)
    {
        if (value is { ValueKind: JsonValueKind.Array } list)
        {
            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                _path.Add(index++);
                Values(selections, typeName, item, childId, visited);
                _path.RemoveAt(_path.Count - 1);
            }

            return;
        }

        Object(selections, typeName, value is { ValueKind: JsonValueKind.Object } o ? o : null, childId, visited);
    }

    private void Collect(GraphQLSelectionSet selections, string typeName, List<(GraphQLField, string)> into, int depth)
    {
        if (depth > 32)
        {
            return;
        }

        foreach (var selection in selections.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    into.Add((field, typeName));
                    break;
                case GraphQLInlineFragment inline:
                    Collect(inline.SelectionSet, Narrow(typeName, inline.TypeCondition?.Type.Name.StringValue), into, depth + 1);
                    break;
                case GraphQLFragmentSpread spread when _fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment):
                    Collect(fragment.SelectionSet, Narrow(typeName, fragment.TypeCondition.Type.Name.StringValue), into, depth + 1);
                    break;
            }
        }
    }

    /// <summary>Fields under a type condition belong to that type when it is an object type; else to the enclosing type.</summary>
    private string Narrow(string typeName, string? condition) =>
        condition is not null && _schema.Types.TryGetValue(condition, out var type) && type.Kind == SupergraphTypeKind.Object ? condition : typeName;

    private string? ArgumentChildId(GraphQLField field)
    {
        if (field.Arguments is null)
        {
            return null;
        }

        foreach (var argument in field.Arguments.Items)
        {
            if (argument.Name.StringValue != IdField)
            {
                continue;
            }

            return argument.Value switch
            {
                GraphQLStringValue s => s.Value.ToString(),
                GraphQLIntValue i => i.Value.ToString(),
                GraphQLVariable v when _variables is { ValueKind: JsonValueKind.Object } vars
                    && vars.TryGetProperty(v.Name.StringValue, out var bound) && bound.ValueKind is JsonValueKind.String or JsonValueKind.Number
                    => bound.ToString(),
                _ => null,
            };
        }

        return null;
    }

    private void Touch(string childId) => _children.TryAdd(childId, []);

    private void Disclose(string childId, string parentType, string fieldName, SupergraphType parent, SupergraphField field)
    {
        var coordinate = parentType + "." + fieldName;
        var source = Source(_schema, parent, field);
        var fields = _children[childId];
        foreach (var label in _labels(coordinate))
        {
            if (_seen.Add((childId, coordinate, label)))
            {
                fields.Add(new DisclosedField(coordinate, label, source));
            }
        }
    }

    /// <summary>
    /// The subgraph a withheld field coordinate (<c>Type.field</c>) or record type would have come from: for a leaf, the
    /// subgraph that resolves it, as disclosed fields name it; for a field leading to a record, the subgraph that holds
    /// the record. Null when the supergraph does not know it (a field refused before it could be resolved).
    /// </summary>
    public static string? SourceOf(SupergraphSchema schema, string coordinate)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(coordinate);
        var dot = coordinate.IndexOf('.', StringComparison.Ordinal);
        if (!schema.Types.TryGetValue(dot < 0 ? coordinate : coordinate[..dot], out var type))
        {
            return null;
        }

        if (dot < 0)
        {
            // A whole record: the subgraph that resolves it, not one that only refers to it by key.
            var owner = type.Joins.Values.FirstOrDefault(j => j.Keys.Any(k => k.Resolvable)) ?? type.Joins.Values.FirstOrDefault();
            return owner is null ? null : GraphName(schema, owner.Graph);
        }

        if (type.Field(coordinate[(dot + 1)..]) is not { } field)
        {
            return null;
        }

        // A field that leads to another service's record (a link such as Child.vcsParticipant) names that service:
        // what was withheld is that record, not the index entry pointing at it.
        return schema.Types.TryGetValue(field.Type.NamedType, out var target) && target.IsComposite && target.Joins.Count > 0
            ? SourceOf(schema, target.Name)
            : Source(schema, type, field);
    }

    private static string Source(SupergraphSchema schema, SupergraphType parent, SupergraphField field)
    {
        string? graph = null;
        foreach (var join in field.Joins)
        {
            if (!join.External)
            {
                graph = join.Graph;
                break;
            }
        }

        graph ??= parent.Joins.Keys.FirstOrDefault();
        return graph is null ? "gateway" : GraphName(schema, graph);
    }

    private static string GraphName(SupergraphSchema schema, string graph)
    {
        foreach (var subgraph in schema.Subgraphs)
        {
            if (subgraph.EnumValue == graph || subgraph.Name == graph)
            {
                return subgraph.Name;
            }
        }

        return graph;
    }

    private static string ResponseKey(GraphQLField field) => (field.Alias?.Name ?? field.Name).StringValue;
}
