using System.Text.Json;

namespace ChildInfo.Federation.Execution;

/// <summary>
/// A value of the merged result: null, a JSON leaf (a scalar, an enum value, or a custom scalar's raw JSON), a
/// <see cref="ResultObject"/> or a <see cref="ResultList"/>. A struct, so that the thousands of leaves of a large
/// answer are held without boxing each <see cref="JsonElement"/>.
/// </summary>
internal readonly struct ResultValue
{
    private readonly object? _node;
    private readonly JsonElement _leaf;

    private ResultValue(object? node, JsonElement leaf)
    {
        _node = node;
        _leaf = leaf;
    }

    public static ResultValue Null => default;

    public bool IsNull => _node is null && _leaf.ValueKind == JsonValueKind.Undefined;

    /// <summary>The object or list, for identity (null for a leaf or null).</summary>
    public object? Node => _node;

    public ResultObject? Object => _node as ResultObject;

    public ResultList? List => _node as ResultList;

    public bool IsLeaf => _node is null && _leaf.ValueKind != JsonValueKind.Undefined;

    public JsonElement Leaf => _leaf;

    public static implicit operator ResultValue(ResultObject? value) => new(value, default);

    public static implicit operator ResultValue(ResultList? value) => new(value, default);

    public static implicit operator ResultValue(JsonElement value) => new(null, value);
}
