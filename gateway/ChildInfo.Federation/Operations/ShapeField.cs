using ChildInfo.Federation.Access;
using ChildInfo.Federation.Supergraph;
using System.Text.Json;
using GraphQLParser.AST;

namespace ChildInfo.Federation.Operations;

/// <summary>
/// A field the client asked for, after field collection for one concrete parent type: fragments are flattened,
/// <c>@include</c>/<c>@skip</c> are applied, and fields with the same response key are merged.
/// </summary>
internal sealed class ShapeField
{
    public ShapeField(string responseKey, string fieldName, string parentType, TypeRef type, GraphQLField node)
    {
        ResponseKey = responseKey;
        EncodedKey = JsonEncodedText.Encode(responseKey);
        FieldName = fieldName;
        ParentType = parentType;
        Type = type;
        Node = node;
        IsTypename = fieldName == "__typename";
        IsIntrospection = fieldName is "__schema" or "__type";
        var depth = 0;
        for (var t = type; t.Kind != TypeRefKind.Named; t = t.OfType!)
        {
            if (t.Kind == TypeRefKind.List)
            {
                depth++;
            }
        }

        ListDepth = depth;
    }

    public string ResponseKey { get; }

    /// <summary>The response key as the JSON writer writes it, encoded once per plan rather than once per object written.</summary>
    public JsonEncodedText EncodedKey { get; }

    /// <summary>
    /// The key subgraphs return this field under: the response key, or the planner's alias when the field would
    /// conflict with a field of another type under the same key in one subgraph selection (set while planning).
    /// </summary>
    public string FetchKey
    {
        get => _planned?.FetchKey ?? ResponseKey;
        set => (_planned ??= new PlannedShape()).FetchKey = value;
    }

    public string FieldName { get; }

    public string ParentType { get; }

    public TypeRef Type { get; }

    public GraphQLField Node { get; }

    public bool IsTypename { get; }

    public bool IsIntrospection { get; }

    public int ListDepth { get; }

    /// <summary>The policy decision that withholds this field, or null when it is served.</summary>
    public FieldAccess? Withheld { get; set; }

    /// <summary>True when no subgraph is asked for this field: <c>__typename</c>, or a withheld field.</summary>
    public bool NotFetched => IsTypename || Withheld is not null;

    /// <summary>For a composite field: the collected sub-fields per possible runtime type.</summary>
    public IReadOnlyDictionary<string, ShapeField[]>? SubByType { get; set; }

    /// <summary>
    /// Set by the planner when this field's objects come from an <c>@interfaceObject</c> subgraph and their concrete
    /// type is not fetched (nothing the client asked depends on it): the sub-fields to write for any of them.
    /// </summary>
    public ShapeField[]? SubForAnyType
    {
        get => _planned?.SubForAnyType;
        set => (_planned ??= new PlannedShape()).SubForAnyType = value;
    }

    // What the planner decided for this field, rarely anything: one reference, so the shape of most fields grows by one word only.
    private PlannedShape? _planned;

    private sealed class PlannedShape
    {
        public string? FetchKey { get; set; }

        public ShapeField[]? SubForAnyType { get; set; }
    }
}
