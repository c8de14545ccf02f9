using System.Text.Json;
using ChildInfo.Audit.Records;
using ChildInfo.Federation;
using ChildInfo.Federation.Errors;
using ChildInfo.Federation.Operations;
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
/// <item>An agency's record of a child reached without <c>child(id:)</c> (<see cref="AgencyRecordKeys"/>) is attributed to
/// the record, not to a child id the caller could have chosen: a root field of the holding service given the record's
/// key (<c>pupil(upn:)</c>, <c>recordChildVoice(personId:)</c>), and a record whose key is selected outside any
/// <c>Child</c> (<c>caseload { personId … }</c>). The walk names such a record by <see cref="AgencyRecordKeys.Placeholder"/>;
/// the audit asks the child index whose record it is (<see cref="ChildRecordLinks"/>) before the entry is written. A
/// record listed without its key (<c>schoolRoll { forename }</c>) is not attributable, as above.</item>
/// <item>A root field of the mutation type that records on such a record (<c>recordDataUseWish(personId:)</c>) is a
/// recording for its child (the walk's <c>recorded</c>), written when its value in the response is not null.</item>
/// </list>
/// </summary>
public static class ChildDisclosureWalker
{
    public const string ChildType = "Child";
    private const string IdField = "id";

    /// <summary>Deepest response nesting walked (the engine refuses operations nested deeper long before).</summary>
    internal const int MaxDepth = 64;

    /// <summary>The key of a response path in <c>childByPath</c>: its segments joined with <c>/</c>.</summary>
    public static string PathKey(IEnumerable<object> path) =>
        string.Join('/', path.Select(p => Convert.ToString(p, System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>
    /// Each child touched with the fields disclosed about it, in the order first met. <paramref name="document"/> is the
    /// request's parsed operation (null when its text did not parse: nothing to walk); <paramref name="data"/> is the
    /// response's <c>data</c> as written JSON (absent for a refused request: then only lookup arguments count). When
    /// <paramref name="childByPath"/> is given, it receives the child each object of the response belongs to, by the
    /// object's response path (<see cref="PathKey"/>), for objects attributable to a child.
    /// </summary>
    /// <remarks>
    /// The walk follows the response, collecting the fields for each place once (<see cref="FieldCollector"/>): each
    /// value of the response is visited once, against the fields asked of it, so the work is bounded by the size of the
    /// response times the fields asked at each place, never by how often fragments are spread. Where the response has
    /// no value, each distinct selection is read once for lookups.
    /// </remarks>
    public static IReadOnlyDictionary<string, List<DisclosedField>> Walk(
        SupergraphSchema schema, OperationDocument? document, JsonElement? variables, JsonElement? data, Func<string, IReadOnlyList<string>> labels,
        IDictionary<string, string>? childByPath = null, IDictionary<string, List<RecordedField>>? recorded = null) =>
        Walk(schema, document, variables, data is { } d ? new JsonResponseValue(d) : default, labels, childByPath, recorded, sent: null, shared: false);

    /// <summary>
    /// As the other <see cref="Walk(SupergraphSchema, OperationDocument?, JsonElement?, JsonElement?, Func{string, IReadOnlyList{string}}, IDictionary{string, string}?, IDictionary{string, List{RecordedField}}?)"/>,
    /// reading the response's <c>data</c> from the engine's merged result while it is at hand, before or instead of
    /// parsing the written JSON (<see cref="IMergedResponseReader"/>): the values read are those written.
    /// </summary>
    public static IReadOnlyDictionary<string, List<DisclosedField>> Walk(
        SupergraphSchema schema, OperationDocument? document, JsonElement? variables, MergedValue data, Func<string, IReadOnlyList<string>> labels,
        IDictionary<string, string>? childByPath = null, IDictionary<string, List<RecordedField>>? recorded = null,
        IDictionary<string, List<SentField>>? sent = null) =>
        Walk(schema, document, variables, new MergedResponseValue(data), labels, childByPath, recorded, sent, shared: true);

    private static Dictionary<string, List<DisclosedField>> Walk<TValue>(
        SupergraphSchema schema, OperationDocument? document, JsonElement? variables, TValue data, Func<string, IReadOnlyList<string>> labels,
        IDictionary<string, string>? childByPath, IDictionary<string, List<RecordedField>>? recorded, IDictionary<string, List<SentField>>? sent, bool shared)
        where TValue : struct, IResponseValue<TValue>
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(labels);
        if (document is null)
        {
            return new Dictionary<string, List<DisclosedField>>(StringComparer.Ordinal);
        }

        var rootType = document.OperationType == OperationType.Mutation ? schema.MutationType : schema.QueryType;
        if (rootType is null)
        {
            return new Dictionary<string, List<DisclosedField>>(StringComparer.Ordinal);
        }

        var root = document.Operation.SelectionSet;
        // Null data may still have a merged result behind it (null propagation reached the root).
        data = data.ValueKind == JsonValueKind.Object || data.BehindNull.ValueKind == JsonValueKind.Object ? data : default;
        var fields = shared ? DeclaredFields.SharedBy(schema, document) : DeclaredFields.Own(schema, document);
        var walker = new Walker<TValue>(schema, fields, labels, variables, childByPath, recorded, sent);
        try
        {
            if (fields.ReachesChildren(root, rootType))
            {
                walker.Root(root, rootType, data);
            }

            return walker.Children;
        }
        catch (GatewayException) when (shared)
        {
            // The shared collector's bound counts every request's collections: this walk starts again with its own,
            // as if nothing were shared.
            childByPath?.Clear();
            recorded?.Clear();
            sent?.Clear();
        }
        catch (GatewayException)
        {
            // Past the collector's bound (only a document the engine refused can get there): what was found is kept,
            // and the record holds the operation text in any case.
            return walker.Children;
        }

        walker = new Walker<TValue>(schema, DeclaredFields.Own(schema, document), labels, variables, childByPath, recorded, sent);
        try
        {
            walker.Root(root, rootType, data);
        }
        catch (GatewayException)
        {
            // As above: what was found is kept.
        }

        return walker.Children;
    }

    /// <summary>One walk over one response (a value of no kind, <c>default</c>, stands for no value).</summary>
    private sealed class Walker<TValue>
        where TValue : struct, IResponseValue<TValue>
    {
        private readonly SupergraphSchema _schema;
        private readonly Func<string, IReadOnlyList<string>> _labels;
        private readonly DeclaredFields _fields;
        private readonly JsonElement? _variables;
        private readonly HashSet<(string Child, string Field, string Label, string Source)> _seen = [];
        private readonly HashSet<IReadOnlyList<FieldGroup>> _walkedAbsent = new(ReferenceEqualityComparer.Instance);
        private readonly List<object> _path = [];
        private readonly IDictionary<string, string>? _childByPath;
        private readonly IDictionary<string, List<RecordedField>>? _recorded;
        private readonly IDictionary<string, List<SentField>>? _sent;
        private readonly AgencyRecordKeys _records;

        public Walker(
            SupergraphSchema schema, DeclaredFields fields, Func<string, IReadOnlyList<string>> labels, JsonElement? variables,
            IDictionary<string, string>? childByPath, IDictionary<string, List<RecordedField>>? recorded, IDictionary<string, List<SentField>>? sent)
        {
            _schema = schema;
            _sent = sent;
            _records = AgencyRecordKeys.Of(schema);
            _recorded = recorded;
            _fields = fields;
            _labels = labels;
            _variables = variables;
            _childByPath = childByPath;
        }

        public Dictionary<string, List<DisclosedField>> Children { get; } = new(StringComparer.Ordinal);

        public void Root(GraphQLSelectionSet set, string rootType, TValue data) =>
            Value(_fields.Collect([new SelectionAt(set, rootType)]), data, childId: null, source: null, depth: 0);

        /// <param name="source">The service that returned the enclosing record: a value type shared by several services
        /// (<c>ChildVoice</c>) came from the one whose field led to it.</param>
        private void Value(IReadOnlyList<FieldGroup> fields, TValue value, string? childId, string? source, int depth)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Array:
                    var index = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        _path.Add(index++);
                        Value(fields, item, childId, source, depth);
                        _path.RemoveAt(_path.Count - 1);
                    }

                    break;
                case JsonValueKind.Object:
                    Object(fields, value, childId, source, depth);
                    break;
                default:
                    Absent(fields, depth);
                    SentBehindNull(fields, value.BehindNull, childId, depth);
                    break;
            }
        }

        /// <summary>One object of the response: the fields asked of it that it holds are disclosed for its child.</summary>
        private void Object(IReadOnlyList<FieldGroup> fields, TValue value, string? childId, string? source, int depth)
        {
            if (depth > MaxDepth)
            {
                return;
            }

            if (ChildIdOf(fields, value) is { } id)
            {
                childId = id;
                Touch(id);
            }
            else if (childId is null && RecordOf(fields, value) is { } record)
            {
                // An agency's record outside any Child, its key selected: its child is the record's, as the index links it.
                childId = record;
                Touch(record);
            }

            if (_childByPath is not null && childId is not null)
            {
                _childByPath[PathKey(_path)] = childId;
            }

            if (_sent is not null && childId is not null)
            {
                foreach (var forwarded in value.Forwarded)
                {
                    Send(childId, forwarded);
                }
            }

            foreach (var group in fields)
            {
                var present = value.TryGetProperty(group.ResponseKey, out var fieldValue) && fieldValue.ValueKind != JsonValueKind.Null;
                string? lookup = null;
                var leadsToChild = false;
                string? belowSource = null;
                List<SelectionAt>? below = null;
                foreach (var field in group.Fields)
                {
                    if (_fields.Facts(field) is not { } facts)
                    {
                        continue;
                    }

                    var fieldSource = facts.OwnSource ?? source ?? facts.Source;
                    belowSource = fieldSource;

                    var namedType = facts.NamedType;
                    var lookupChild = namedType == ChildType ? ArgumentChildId(field.Node) : RecordLookup(field, facts);
                    if (lookupChild is not null)
                    {
                        Touch(lookupChild);
                        lookup ??= lookupChild;
                        Recording(field, facts, lookupChild, written: present);
                    }

                    leadsToChild |= namedType == ChildType;
                    if (present && childId is not null)
                    {
                        Disclose(childId, facts, fieldSource);
                    }

                    // Refused or absent: nothing shown below, but lookups by child id further down still touch children.
                    if (field.Node.SelectionSet is { } sub && (present || lookupChild is null))
                    {
                        (below ??= []).Add(new SelectionAt(sub, namedType));
                    }
                }

                if (!present && _sent is not null && value.TryGetProperty(group.ResponseKey, out var written)
                    && written.BehindNull is { ValueKind: JsonValueKind.Object or JsonValueKind.Array } behind)
                {
                    SentBehindNull(Below(group), behind, lookup ?? (leadsToChild ? null : childId), depth + 1);
                }

                if (below is null)
                {
                    continue;
                }

                if (present)
                {
                    _path.Add(group.ResponseKey);
                    Value(_fields.Collect(below), fieldValue, lookup ?? (leadsToChild ? null : childId), belowSource, depth + 1);
                    _path.RemoveAt(_path.Count - 1);
                }
                else
                {
                    Absent(_fields.Collect(below), depth + 1);
                }
            }
        }

        /// <summary>
        /// Where null propagation wrote null over what the gateway had fetched and merged (a non-null field below came
        /// back null): nothing there was shown, so nothing is disclosed, but what the gateway sent from one service to
        /// another to compute fields there was sent all the same, and is recorded for its child.
        /// </summary>
        private void SentBehindNull(IReadOnlyList<FieldGroup> fields, TValue value, string? childId, int depth)
        {
            if (_sent is null || depth > MaxDepth)
            {
                return;
            }

            switch (value.ValueKind)
            {
                case JsonValueKind.Array:
                    foreach (var item in value.EnumerateArray())
                    {
                        SentBehindNull(fields, item, childId, depth);
                    }

                    break;
                case JsonValueKind.Object:
                    childId = ChildIdOf(fields, value) ?? (childId ?? RecordOf(fields, value));
                    if (childId is not null)
                    {
                        foreach (var forwarded in value.Forwarded)
                        {
                            Send(childId, forwarded);
                        }
                    }

                    foreach (var group in fields)
                    {
                        if (value.TryGetProperty(group.ResponseKey, out var below) && below.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                        {
                            var (lookup, leadsToChild) = ChildLookup(group);
                            SentBehindNull(Below(group), below, lookup ?? (leadsToChild ? null : childId), depth + 1);
                        }
                    }

                    break;
            }
        }

        /// <summary>The fields asked below a group's fields, collected (empty when none has a selection).</summary>
        private IReadOnlyList<FieldGroup> Below(FieldGroup group)
        {
            List<SelectionAt>? below = null;
            foreach (var field in group.Fields)
            {
                if (_fields.Facts(field) is { } facts && field.Node.SelectionSet is { } sub)
                {
                    (below ??= []).Add(new SelectionAt(sub, facts.NamedType));
                }
            }

            return below is null ? [] : _fields.Collect(below);
        }

        /// <summary>Whether a group's fields lead to a <c>Child</c>, and the child id one of them looks up, if any.</summary>
        private (string? Lookup, bool LeadsToChild) ChildLookup(FieldGroup group)
        {
            string? lookup = null;
            var leadsToChild = false;
            foreach (var field in group.Fields)
            {
                if (_fields.Facts(field) is { NamedType: ChildType })
                {
                    leadsToChild = true;
                    lookup ??= ArgumentChildId(field.Node);
                }
            }

            return (lookup, leadsToChild);
        }

        /// <summary>Fields asked where the response has no value: only their lookups by child id count, each selection read once.</summary>
        private void Absent(IReadOnlyList<FieldGroup> fields, int depth)
        {
            if (depth > MaxDepth || !_walkedAbsent.Add(fields))
            {
                return;
            }

            foreach (var group in fields)
            {
                List<SelectionAt>? below = null;
                foreach (var field in group.Fields)
                {
                    if (_fields.Facts(field) is not { } facts)
                    {
                        continue;
                    }

                    if ((facts.NamedType == ChildType ? ArgumentChildId(field.Node) : RecordLookup(field, facts)) is { } lookupChild)
                    {
                        Touch(lookupChild);
                        Recording(field, facts, lookupChild, written: false);
                    }
                    else if (field.Node.SelectionSet is { } sub)
                    {
                        (below ??= []).Add(new SelectionAt(sub, facts.NamedType));
                    }
                }

                if (below is not null)
                {
                    Absent(_fields.Collect(below), depth + 1);
                }
            }
        }

        /// <summary>The id of a <c>Child</c> object: the value of an <c>id</c> field asked of it (under any alias).</summary>
        private static string? ChildIdOf(IReadOnlyList<FieldGroup> fields, TValue value)
        {
            foreach (var group in fields)
            {
                foreach (var field in group.Fields)
                {
                    if (field.ParentType == ChildType && field.Name == IdField
                        && value.TryGetProperty(group.ResponseKey, out var id) && id.ValueKind == JsonValueKind.String
                        && AgencyRecordKeys.Parse(id.GetString()!) is null)
                    {
                        return id.GetString();
                    }
                }
            }

            return null;
        }

        /// <summary>The placeholder of an agency record whose key is selected in <paramref name="value"/>, if any.</summary>
        private string? RecordOf(IReadOnlyList<FieldGroup> fields, TValue value)
        {
            foreach (var group in fields)
            {
                foreach (var field in group.Fields)
                {
                    if (_records.Record(field.ParentType) is { } record && record.Key == field.Name
                        && value.TryGetProperty(group.ResponseKey, out var key) && key.ValueKind == JsonValueKind.String)
                    {
                        return AgencyRecordKeys.Placeholder(record.Source, key.GetString()!);
                    }
                }
            }

            return null;
        }

        /// <summary>
        /// For a root field of the service that holds a child's record, given that record's key as an argument
        /// (<c>pupil(upn:)</c>, <c>recordDataUseWish(personId:)</c>): the record's placeholder.
        /// </summary>
        private string? RecordLookup(CollectedField field, DeclaredFields.Field facts)
        {
            if ((field.ParentType != _schema.QueryType && field.ParentType != _schema.MutationType) || facts.OwnSource is not { } source
                || field.Node.Arguments is null)
            {
                return null;
            }

            foreach (var argument in field.Node.Arguments.Items)
            {
                if (_records.IsKey(source, argument.Name.StringValue) && ArgumentValue(argument) is { } key)
                {
                    return AgencyRecordKeys.Placeholder(source, key);
                }
            }

            return null;
        }

        /// <summary>A recording on the child's behalf: a root field of the mutation type that names its child's record.</summary>
        private void Recording(CollectedField field, DeclaredFields.Field facts, string childId, bool written)
        {
            if (_recorded is null || field.ParentType != _schema.MutationType)
            {
                return;
            }

            if (!_recorded.TryGetValue(childId, out var fields))
            {
                _recorded[childId] = fields = [];
            }

            foreach (var label in _labels(facts.Coordinate))
            {
                var entry = new RecordedField(facts.Coordinate, label, facts.OwnSource ?? facts.Source, written);
                if (!fields.Contains(entry))
                {
                    fields.Add(entry);
                }
            }
        }

        private string? ArgumentChildId(GraphQLField field)
        {
            if (field.Arguments is null)
            {
                return null;
            }

            foreach (var argument in field.Arguments.Items)
            {
                if (argument.Name.StringValue == IdField)
                {
                    // No child id starts as a record's placeholder does: such a value names no child.
                    return ArgumentValue(argument) is { } id && AgencyRecordKeys.Parse(id) is null ? id : null;
                }
            }

            return null;
        }

        private string? ArgumentValue(GraphQLArgument argument) => argument.Value switch
        {
            GraphQLStringValue s => s.Value.ToString(),
            GraphQLIntValue i => i.Value.ToString(),
            GraphQLVariable v when _variables is { ValueKind: JsonValueKind.Object } vars
                && vars.TryGetProperty(v.Name.StringValue, out var bound) && bound.ValueKind is JsonValueKind.String or JsonValueKind.Number
                => bound.ToString(),
            _ => null,
        };

        private void Touch(string childId) => Children.TryAdd(childId, []);

        /// <summary>Fields of the child's record the gateway sent from the service holding them to another (its <c>@requires</c>).</summary>
        private void Send(string childId, ForwardedFields forwarded)
        {
            if (!_sent!.TryGetValue(childId, out var fields))
            {
                _sent[childId] = fields = [];
            }

            foreach (var coordinate in forwarded.Fields)
            {
                var source = SourceOf(_schema, coordinate) ?? forwarded.Service;
                foreach (var label in _labels(coordinate))
                {
                    var entry = new SentField(coordinate, label, source, forwarded.Service);
                    if (!fields.Contains(entry))
                    {
                        fields.Add(entry);
                    }
                }
            }
        }

        private void Disclose(string childId, DeclaredFields.Field field, string source)
        {
            var fields = Children[childId];
            foreach (var label in _labels(field.Coordinate))
            {
                if (_seen.Add((childId, field.Coordinate, label, source)))
                {
                    fields.Add(new DisclosedField(field.Coordinate, label, source));
                }
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

    /// <summary>
    /// The service a field is resolved by when the supergraph says so: its own non-external <c>@join__field</c>, or
    /// the one service that has its type. Null for a field of a value type several services share.
    /// </summary>
    internal static string? OwnSource(SupergraphSchema schema, SupergraphType parent, SupergraphField field)
    {
        foreach (var join in field.Joins)
        {
            if (!join.External)
            {
                return GraphName(schema, join.Graph);
            }
        }

        return parent.Joins.Count == 1 ? GraphName(schema, parent.Joins.Keys.First()) : null;
    }

    internal static string Source(SupergraphSchema schema, SupergraphType parent, SupergraphField field)
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
}
