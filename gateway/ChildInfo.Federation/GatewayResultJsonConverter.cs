using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChildInfo.Federation;

/// <summary>Writes a <see cref="GatewayResult"/> as a GraphQL response; results are never read back.</summary>
public sealed class GatewayResultJsonConverter : JsonConverter<GatewayResult>
{
    public override GatewayResult Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("A gateway result is written, never read.");

    public override void Write(Utf8JsonWriter writer, GatewayResult value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        value.WriteTo(writer);
    }
}
