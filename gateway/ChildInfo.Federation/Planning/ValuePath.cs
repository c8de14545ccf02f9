using ChildInfo.Federation.Operations;

namespace ChildInfo.Federation.Planning;

/// <summary>
/// How the planner reached an object of a value type (one with no <c>@key</c>): from the nearest enclosing object it
/// can ask another subgraph about (the query root, or an entity) through the client's fields down to here. A field of
/// that object which the fetching subgraph cannot resolve is fetched by asking another subgraph for the same path from
/// that anchor: a parallel root fetch (a <c>@shareable</c> root field), or an <c>_entities</c> call on the parent
/// entity followed by the path.
/// </summary>
internal sealed class ValuePath
{
    private ValuePath(ValueAnchor anchor, ValuePath? parent, ShapeField? field, string typeName)
    {
        Anchor = anchor;
        Parent = parent;
        Field = field;
        TypeName = typeName;
    }

    public ValueAnchor Anchor { get; }

    /// <summary>The path to the parent object; null at the anchor.</summary>
    public ValuePath? Parent { get; }

    /// <summary>The client field from the parent object to this one; null at the anchor.</summary>
    public ShapeField? Field { get; }

    /// <summary>The object type here (a concrete type where the field's type is abstract).</summary>
    public string TypeName { get; }

    public bool IsAnchor => Field is null;

    public static ValuePath At(ValueAnchor anchor) => new(anchor, null, null, anchor.TypeName);

    public ValuePath Then(ShapeField field, string typeName) => new(Anchor, this, field, typeName);

    /// <summary>The steps from the anchor to here, in order.</summary>
    public List<ValuePath> Steps()
    {
        var steps = new List<ValuePath>();
        for (var step = this; !step.IsAnchor; step = step.Parent!)
        {
            steps.Add(step);
        }

        steps.Reverse();
        return steps;
    }
}
