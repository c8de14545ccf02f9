using System.Text;
using System.Text.Json;

namespace ChildInfo.Gateway.Tests.Support;

/// <summary>One HTTP exchange with the gateway: status, content type and the parsed body.</summary>
public sealed record HttpExchange(int Status, string? ContentType, string? Charset, JsonElement Body, IReadOnlyList<string> Allow)
{
    public static async Task<HttpExchange> PostAsync(HttpClient client, Uri url, string body, string? contentType = "application/json", string? accept = "application/graphql-response+json", IDictionary<string, string>? headers = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        // A large body asks first (Expect: 100-continue), so a refusal (413) arrives before the body is sent rather
        // than the connection closing under a client still writing it.
        request.Headers.ExpectContinue = body.Length > 64 * 1024;
        if (contentType is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        return await SendAsync(client, request, accept, headers).ConfigureAwait(false);
    }

    public static Task<HttpExchange> PostJsonAsync(HttpClient client, Uri url, object payload, string? accept = "application/graphql-response+json", IDictionary<string, string>? headers = null) =>
        PostAsync(client, url, JsonSerializer.Serialize(payload), "application/json", accept, headers);

    public static async Task<HttpExchange> GetAsync(HttpClient client, Uri url, string query, string? accept = "application/graphql-response+json", IDictionary<string, string>? headers = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url + "?" + query));
        return await SendAsync(client, request, accept, headers).ConfigureAwait(false);
    }

    private static async Task<HttpExchange> SendAsync(HttpClient client, HttpRequestMessage request, string? accept, IDictionary<string, string>? headers)
    {
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await client.SendAsync(request).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        JsonElement body;
        try
        {
            using var document = JsonDocument.Parse(text.Length == 0 ? "null" : text);
            body = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new InvalidOperationException($"HTTP {(int)response.StatusCode} answered with a body that is not JSON: {text[..Math.Min(500, text.Length)]}");
        }

        return new HttpExchange((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Content.Headers.ContentType?.CharSet, body, [.. response.Content.Headers.Allow]);
    }

    public string FirstErrorCode => Body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString()!;

    public bool HasData => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("data", out _);

    /// <summary>The <c>extensions.code</c> of each error, in order (empty when there are none).</summary>
    public IReadOnlyList<string> ErrorCodes => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("errors", out var errors)
        ? [.. errors.EnumerateArray().Select(e => e.TryGetProperty("extensions", out var x) && x.TryGetProperty("code", out var c) ? c.GetString() ?? "" : "")]
        : [];
}
