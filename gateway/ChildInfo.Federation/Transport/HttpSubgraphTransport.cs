using System.Buffers;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace ChildInfo.Federation.Transport;

/// <summary>
/// GraphQL over HTTP to subgraphs: <c>POST</c> of a JSON body to the subgraph's URL. The <see cref="HttpClient"/>
/// (pooled connections, handlers) comes from the caller; each request message carries the subgraph's name and
/// whether it is a mutation in its options, for the client's handlers (per-subgraph circuit breakers, retries).
/// </summary>
public sealed class HttpSubgraphTransport : ISubgraphTransport
{
    /// <summary>The name of the subgraph a request message is for.</summary>
    public static readonly HttpRequestOptionsKey<string> SubgraphName = new("ChildInfo.Subgraph");

    /// <summary>True when the request message carries a mutation, which must never be sent twice.</summary>
    public static readonly HttpRequestOptionsKey<bool> IsMutation = new("ChildInfo.Subgraph.IsMutation");

    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };

    // Added as text without validation: parsing the same constant on every call showed up in profiles.
    private const string Accept = "application/graphql-response+json, application/json;q=0.9";
    /// <summary>
    /// The longest answer read from a subgraph unless the host says otherwise: far above any answer one GraphQL
    /// request should bring (the benchmark's deepest query brings 88 KB in all), far below what would strain the host.
    /// </summary>
    public const long DefaultMaxAnswerBytes = 16L * 1024 * 1024;

    /// <summary>
    /// The longest declared length read into one buffer of that size. Reading into a buffer grown by doubling from
    /// 4 KB took seven receives for the benchmark's 80 KB answer where one buffer of its length takes two or three;
    /// above this a declared length is not trusted with memory up front (a subgraph could declare much and send
    /// little), and the answer is read as it comes.
    /// </summary>
    private const long PresizedAnswerBytes = 1024 * 1024;

    /// <summary>
    /// How deep an answer's JSON may nest. The parser's default (64) is shallower than answers to operations the engine
    /// accepts: 32 levels of fields (<see cref="FederationEngineOptions.MaxDepth"/>), each an object inside its lists,
    /// under <c>data</c> and <c>_entities</c>, nest 68 deep with one list a level. 256 leaves room for lists of lists
    /// and still bounds what a subgraph can make the gateway hold.
    /// </summary>
    private static readonly JsonDocumentOptions AnswerOptions = new() { MaxDepth = 256 };

    private readonly HttpClient _client;
    private readonly Action<HttpRequestMessage, SubgraphRequest>? _configure;
    private readonly long _maxAnswerBytes;

    /// <param name="client">The client to send with.</param>
    /// <param name="configure">Called for each request before it is sent, for example to add signed headers.</param>
    /// <param name="maxAnswerBytes">The longest answer read from a subgraph; a longer one fails that subgraph's fetch.</param>
    public HttpSubgraphTransport(HttpClient client, Action<HttpRequestMessage, SubgraphRequest>? configure = null, long maxAnswerBytes = DefaultMaxAnswerBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAnswerBytes, 1);
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _configure = configure;
        _maxAnswerBytes = maxAnswerBytes;
    }

    public async Task<SubgraphResponse> SendAsync(SubgraphRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(request.Subgraph.Url))
        {
            throw new SubgraphRequestException($"Subgraph '{request.Subgraph.Name}' has no URL.");
        }

        using var message = new HttpRequestMessage(HttpMethod.Post, request.Subgraph.Url);
        var content = new ReadOnlyMemoryContent(request.Body);
        content.Headers.ContentType = JsonContentType;
        message.Content = content;
        // A constant, so nothing to check: the one reviewed use of the banned call.
#pragma warning disable RS0030
        message.Headers.TryAddWithoutValidation("Accept", Accept);
#pragma warning restore RS0030
        message.Options.Set(SubgraphName, request.Subgraph.Name);
        message.Options.Set(IsMutation, request.IsMutation);
        _configure?.Invoke(message, request);

        using var response = await _client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var isGraphQLResponse = mediaType is "application/graphql-response+json" or "application/json";
        if (!response.IsSuccessStatusCode && !(isGraphQLResponse && mediaType == "application/graphql-response+json"))
        {
            throw new SubgraphRequestException($"Subgraph '{request.Subgraph.Name}' answered HTTP {(int)response.StatusCode}.", (int)response.StatusCode);
        }

        try
        {
            await using var stream = await BoundedAnswer.OpenAsync(response, _maxAnswerBytes, cancellationToken).ConfigureAwait(false);
            if (response.Content.Headers.ContentLength is { } declared && declared <= PresizedAnswerBytes)
            {
                return await ReadDeclaredAsync(stream, (int)declared, cancellationToken).ConfigureAwait(false);
            }

            var document = await JsonDocument.ParseAsync(stream, AnswerOptions, cancellationToken).ConfigureAwait(false);
            return new SubgraphResponse(document);
        }
        catch (JsonException ex)
        {
            // The parser reports nesting past its bound as it reports broken JSON: the message names both.
            throw new SubgraphRequestException(string.Create(CultureInfo.InvariantCulture,
                $"Subgraph '{request.Subgraph.Name}' answered with invalid JSON, or JSON nested more than {AnswerOptions.MaxDepth} levels deep."), ex);
        }
        catch (AnswerTooLargeException ex)
        {
            throw new SubgraphRequestException(string.Create(CultureInfo.InvariantCulture, $"Subgraph '{request.Subgraph.Name}' answered with more than {ex.MaxBytes:N0} bytes, more than the gateway reads."), ex);
        }
    }

    /// <summary>
    /// Reads an answer of a declared length into one pooled buffer and parses it there. An answer that ends early is
    /// parsed as far as it came (and fails as invalid JSON if cut short); HTTP framing never gives more than declared.
    /// </summary>
    private static async Task<SubgraphResponse> ReadDeclaredAsync(Stream stream, int declared, CancellationToken cancellationToken)
    {
        var rented = ArrayPool<byte>.Shared.Rent(Math.Max(declared, 1));
        try
        {
            var read = await stream.ReadAtLeastAsync(rented.AsMemory(0, declared), declared, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            var document = JsonDocument.Parse(rented.AsMemory(0, read), AnswerOptions);
            return new SubgraphResponse(document, rented);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(rented);
            throw;
        }
    }
}
