using System.Text.Json;
using ChildInfo.Federation.Transport;

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
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url)) { Content = JsonContent.Create(new { query = "{ _service { sdl } }" }) };
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new SubgraphSdlException($"{url} answered HTTP {(int)response.StatusCode} to {{ _service {{ sdl }} }}.");
            }

            await using var stream = await BoundedAnswer.OpenAsync(response, HttpSubgraphTransport.DefaultMaxAnswerBytes, timeout.Token).ConfigureAwait(false);
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: timeout.Token).ConfigureAwait(false);
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
