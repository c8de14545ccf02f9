using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChildInfo.Gateway.Analytics;

/// <summary>
/// Reads columns of groups (<c>[["10-15", "5-9", ...], ["White", "Asian", ...]]</c>, a million entries each at
/// 1,000,000 children) with one string per distinct value: a group column holds a handful of values, and a string
/// apiece would hold the population once more in memory for no gain. Values longer than <see cref="MaxShared"/>
/// characters are read as usual.
/// </summary>
internal sealed class SharedStringColumnsConverter : JsonConverter<List<List<string?>>>
{
    private const int MaxShared = 128;

    public override List<List<string?>>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Columns of groups must be a list of lists.");
        }

        var shared = new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var columns = new List<List<string?>>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            columns.Add(reader.TokenType == JsonTokenType.StartArray
                ? Column(ref reader, shared)
                : throw new JsonException("Each column of groups must be a list."));
        }

        return columns;
    }

    private static List<string?> Column(ref Utf8JsonReader reader, Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> shared)
    {
        Span<char> buffer = stackalloc char[MaxShared];
        var column = new List<string?>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Null:
                    column.Add(null);
                    break;
                case JsonTokenType.String when (reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length) <= MaxShared:
                    var text = buffer[..reader.CopyString(buffer)];
                    if (!shared.TryGetValue(text, out var value))
                    {
                        value = text.ToString();
                        shared[text] = value;
                    }

                    column.Add(value);
                    break;
                case JsonTokenType.String:
                    column.Add(reader.GetString());
                    break;
                default:
                    throw new JsonException("A column of groups holds only strings and nulls.");
            }
        }

        return column;
    }

    public override void Write(Utf8JsonWriter writer, List<List<string?>> value, JsonSerializerOptions options) =>
        throw new NotSupportedException("Columns of groups are only read.");
}
