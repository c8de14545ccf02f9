using System.Text.Json;

namespace ChildInfo.Gateway.Registry;

/// <summary>Fetches a subgraph's SDL the federation way: <c>{ _service { sdl } }</c> posted to its GraphQL URL.</summary>
public static class SubgraphSdlFetcher
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>The subgraph's SDL; throws <see cref="SubgraphSdlException"/> with a message naming the URL when it cannot be had.</summary>
    public static async Task<string> FetchAsync(HttpClient client, string url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            using var response = await client.PostAsJsonAsync(new Uri(url), new { query = "{ _service { sdl } }" }, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new SubgraphSdlException($"{url} answered HTTP {(int)response.StatusCode} to {{ _service {{ sdl }} }}.");
            }

            using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false), cancellationToken: timeout.Token).ConfigureAwait(false);
            if (document.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                && data.TryGetProperty("_service", out var service) && service.ValueKind == JsonValueKind.Object
                && service.TryGetProperty("sdl", out var sdl) && sdl.ValueKind == JsonValueKind.String)
            {
                return sdl.GetString()!;
            }

            throw new SubgraphSdlException($"{url} did not return its SDL for {{ _service {{ sdl }} }}: is it a federation subgraph?");
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or UriFormatException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new SubgraphSdlException($"cannot fetch the SDL from {url}: {ex.Message}", ex);
        }
    }
}
