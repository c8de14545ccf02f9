using System.Text;

namespace ChildInfo.Gateway.Registry;

/// <summary>Asks each subgraph for <c>{ __typename }</c> to say at start-up which ones answer.</summary>
public static class SubgraphProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public static async Task<IReadOnlyList<(string Name, bool Up)>> ProbeAsync(HttpClient client, IReadOnlyDictionary<string, string> urls, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(urls);
        var probes = urls.Select(async pair => (pair.Key, await AnswersAsync(client, pair.Value, cancellationToken).ConfigureAwait(false)));
        return await Task.WhenAll(probes).ConfigureAwait(false);
    }

    /// <summary>Whether the subgraph at <paramref name="url"/> answers a trivial query within two seconds.</summary>
    public static async Task<bool> AnswersAsync(HttpClient client, string url, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            using var content = new StringContent("{\"query\":\"{ __typename }\"}", Encoding.UTF8, "application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url)) { Content = content };
            // The status is the answer: the body is never read (an answer without end would otherwise be buffered).
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or UriFormatException or InvalidOperationException)
        {
            return false;
        }
    }
}
