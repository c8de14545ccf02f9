using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ChildInfo.Gateway.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ChildInfo.Gateway.Web;

/// <summary>What the gateway's API answered: the HTTP status and the JSON body (null when the body was not JSON).</summary>
public sealed record ApiAnswer(int Status, JsonElement? Body)
{
    /// <summary>The first error's <c>extensions.code</c>, if any.</summary>
    public string? FirstErrorCode => Errors.Select(e => e.Code).FirstOrDefault(c => c is not null);

    public IReadOnlyList<ApiError> Errors => Body is { } body && body.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array
        ? [.. errors.EnumerateArray().Select(ApiError.From)]
        : [];

    public JsonElement? Data => Body is { } body && body.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object ? data : null;

    public JsonElement? Extension(string name) =>
        Body is { } body && body.TryGetProperty("extensions", out var extensions) && extensions.ValueKind == JsonValueKind.Object
        && extensions.TryGetProperty(name, out var value) ? value : null;
}

/// <summary>One GraphQL error as the pages use it: where it is, its code and the extension fields that explain it.</summary>
public sealed record ApiError(IReadOnlyList<string> Path, string? Code, string? Field, string? Label, string? Scope, string? ServiceName, string Message)
{
    public static ApiError From(JsonElement error)
    {
        string? Extension(string name) =>
            error.TryGetProperty("extensions", out var e) && e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
                ? v.GetString() : null;
        var path = error.TryGetProperty("path", out var p) && p.ValueKind == JsonValueKind.Array
            ? p.EnumerateArray().Select(s => s.ValueKind == JsonValueKind.Number ? s.GetRawText() : s.GetString() ?? "").ToList()
            : [];
        var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "";
        return new ApiError(path, Extension("code"), Extension("field"), Extension("label"), Extension("scope"), Extension("serviceName"), message);
    }
}

/// <summary>
/// Calls the gateway's own HTTP API over loopback as the signed-in person, so the pages get exactly what any client
/// would: the same authentication, policies, withholding and audit. Purpose and justification travel in the
/// request body's <c>extensions</c> (text of any language, never in a header); the role and emergency access are
/// header values this app chose from fixed lists.
/// </summary>
public sealed class GatewayApi(IServer server) : IDisposable
{
    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromSeconds(30) };
    private Uri? _base;

    public async Task<ApiAnswer> QueryAsync(WebSession session, string query, object variables, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var body = JsonSerializer.Serialize(new
        {
            query,
            variables,
            extensions = new { purpose = session.Purpose, justification = session.Justification },
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Base, "/graphql"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(AcceptNegotiation.GraphQLResponseJson));
        Authorise(request, session);
        if (session.BreakGlass(now))
        {
            request.Headers.Add(RequestHeaders.BreakGlass, "true");
        }

        return await SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A GET of the gateway's JSON API (the audit), as the signed-in person.</summary>
    public async Task<ApiAnswer> GetAsync(WebSession session, string pathAndQuery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Base, pathAndQuery));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        Authorise(request, session);
        return await SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _client.Dispose();

    private static void Authorise(HttpRequestMessage request, WebSession session)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.Token);
        if (session.Roles.Count > 1 && session.Role is { } role)
        {
            request.Headers.Add(RequestHeaders.Role, role);
        }
    }

    private async Task<ApiAnswer> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        JsonElement? body = null;
        try
        {
            if (text.Length > 0)
            {
                using var document = JsonDocument.Parse(text);
                body = document.RootElement.Clone();
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's error page, say): the status alone is reported.
        }

        return new ApiAnswer((int)response.StatusCode, body);
    }

    /// <summary>The gateway's own address: an http one when it listens on several, a wildcard host read as loopback.</summary>
    private Uri Base => _base ??= Resolve();

    private Uri Resolve()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var chosen = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The gateway has no listening address to call.");
        var uri = new UriBuilder(chosen.Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::" or "localhost")
        {
            uri.Host = "127.0.0.1";
        }

        return new Uri(uri.Uri.GetLeftPart(UriPartial.Authority));
    }
}
