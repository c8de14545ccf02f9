using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChildInfo.Registry;

/// <summary>
/// Source-generated JSON for the stored registry: camelCase and indented so a system owner can read the file, and
/// strict (required members, no nulls where none are allowed) so a damaged document fails loudly.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    WriteIndented = true,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(RegistryDocument))]
internal sealed partial class RegistryJsonContext : JsonSerializerContext;
