using System.Text.Json;
using ChildInfo.Federation;

namespace ChildInfo.Gateway.Audit;

/// <summary>A response's <c>data</c> read from the engine's merged result before it is written (no JSON parsed back).</summary>
internal readonly record struct MergedResponseValue(MergedValue Value) : IResponseValue<MergedResponseValue>
{
    public JsonValueKind ValueKind => Value.ValueKind;

    public bool TryGetProperty(string name, out MergedResponseValue value)
    {
        var found = Value.TryGetProperty(name, out var merged);
        value = new MergedResponseValue(merged);
        return found;
    }

    public IEnumerable<MergedResponseValue> EnumerateArray()
    {
        var length = Value.GetArrayLength();
        for (var i = 0; i < length; i++)
        {
            yield return new MergedResponseValue(Value[i]);
        }
    }

    public string? GetString() => Value.GetString();

    public IReadOnlyList<ForwardedFields> Forwarded => Value.Forwarded;

    public MergedResponseValue BehindNull => new(Value.BehindNull);
}
