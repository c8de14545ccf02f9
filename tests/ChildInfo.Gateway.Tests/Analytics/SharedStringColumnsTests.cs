using System.Text.Json;
using ChildInfo.Gateway.Analytics;

namespace ChildInfo.Gateway.Tests.Analytics;

/// <summary>The population's group columns are read with one string per distinct value, and nothing else changes.</summary>
public sealed class SharedStringColumnsTests
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new SharedStringColumnsConverter() } };

    [Fact]
    public void Columns_ReadAsWritten_RepeatedValuesOneString()
    {
        var longValue = new string('w', 300);
        var json = JsonSerializer.Serialize(new[] { new[] { "10-15", "5-9", "10-15", null, "caf\u00e9 <x>" }, new[] { "White", longValue, "White", "Asian", "White" } });

        var columns = JsonSerializer.Deserialize<List<List<string?>>>(json, Options)!;

        Assert.Equal(["10-15", "5-9", "10-15", null, "caf\u00e9 <x>"], columns[0]);
        Assert.Equal(["White", longValue, "White", "Asian", "White"], columns[1]);
        Assert.Same(columns[0][0], columns[0][2]);
        Assert.Same(columns[1][0], columns[1][4]);
    }

    [Theory]
    [InlineData("[[\"a\", 1]]")]
    [InlineData("[\"a\"]")]
    [InlineData("[[\"a\", [\"b\"]]]")]
    [InlineData("{\"a\": 1}")]
    public void NotColumnsOfStrings_Refused(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<List<List<string?>>>(json, Options));
}
