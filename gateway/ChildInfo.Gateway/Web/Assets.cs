using System.Collections.Frozen;
using System.Security.Cryptography;

namespace ChildInfo.Gateway.Web;

/// <summary>
/// The pages' own files (style sheet, the GraphQL explorer's scripts), embedded in the executable from
/// <c>Web/wwwroot</c> and served from <c>/assets/</c>: nothing is loaded from anywhere else. URLs carry a content
/// hash, so a browser may keep a file until it changes.
/// </summary>
public static class Assets
{
    private const string Prefix = "web/";

    private static readonly FrozenDictionary<string, Asset> Files = Load();

    public static string Url(string name) =>
        Files.TryGetValue(name, out var asset) ? $"/assets/{name}?v={asset.Version}" : throw new InvalidOperationException($"No embedded asset '{name}'.");

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/assets/{**name}", (HttpContext http, string name) =>
        {
            if (!Files.TryGetValue(name, out var asset))
            {
                return Results.NotFound();
            }

            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.CacheControl = http.Request.Query["v"] == asset.Version ? "public, max-age=31536000, immutable" : "no-cache";
            return Results.Bytes(asset.Content, asset.ContentType, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{asset.Version}\""));
        });

    private static FrozenDictionary<string, Asset> Load()
    {
        var assembly = typeof(Assets).Assembly;
        var files = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            var content = memory.ToArray();
            var name = resource[Prefix.Length..].Replace('\\', '/');
            var version = Convert.ToHexStringLower(SHA256.HashData(content))[..12];
            files[name] = new Asset(content, ContentType(name), version);
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    };

    private sealed record Asset(byte[] Content, string ContentType, string Version);
}
