using System.Text.Json;

namespace ChildInfo.Gateway.Audit;

/// <summary>A response's <c>data</c> read from its JSON (for a response that was written already).</summary>
internal readonly record struct JsonResponseValue(JsonElement Element) : IResponseValue<JsonResponseValue>
{
    public JsonValueKind ValueKind => Element.ValueKind;

    public bool TryGetProperty(string name, out JsonResponseValue value)
    {
        var found = Element.TryGetProperty(name, out var element);
        value = new JsonResponseValue(element);
        return found;
    }

    public IEnumerable<JsonResponseValue> EnumerateArray() => Element.EnumerateArray().Select(e => new JsonResponseValue(e));

    public string? GetString() => Element.GetString();

    /// <summary>Written JSON does not say what was sent between services.</summary>
    public IReadOnlyList<ChildInfo.Federation.ForwardedFields> Forwarded => [];

    /// <summary>Written JSON has nothing behind its nulls.</summary>
    public JsonResponseValue BehindNull => default;
}
