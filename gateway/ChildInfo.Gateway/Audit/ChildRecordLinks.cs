using System.Collections.Frozen;
using System.Net.Http.Headers;
using System.Text.Json;
using ChildInfo.Audit.Records;
using ChildInfo.Federation.Supergraph;
using ChildInfo.Federation.Transport;
using ChildInfo.Gateway.Authorisation;
using ChildInfo.Gateway.Identity;
using ChildInfo.Subgraphs.Contract;

namespace ChildInfo.Gateway.Audit;

/// <summary>
/// Asks the child index whose records the audit's walk met by their agency keys (<see cref="AgencyRecordKeys"/>), so
/// the audit names the child from the index's own links (<c>ci_record_link</c>), never from an id the caller gave. It
/// calls the index's federation-only <c>_cohortLinks(source:, localIds:)</c> (<c>@inaccessible</c>, never in the API
/// schema) with a context of its own, signed for this one call: the gateway's audit as the caller, the oversight
/// purpose, and only <c>count:linkage</c>, which that field alone serves. The answer goes only into the audit record.
/// </summary>
public sealed class ChildRecordLinks(HttpClient client, SubgraphContextSigner? signer, IReadOnlyDictionary<string, string> urlOverrides)
{
    /// <summary>The caller the index sees for these calls.</summary>
    public const string AuditUser = "childinfo-audit";

    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
    private static readonly FrozenSet<string> Labels = FrozenSet.Create(StringComparer.Ordinal, SubgraphContext.CountingLabelPrefix + "linkage");

    /// <summary>How long the index has to answer; the response waits for the audit record.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The child of each record placeholder in <paramref name="placeholders"/> that the index links to a child; a record
    /// the index does not link is left out. Throws <see cref="ChildRecordLinksException"/> when the index cannot be asked
    /// or does not answer.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> ResolveAsync(SupergraphSchema schema, string requestId, IReadOnlyCollection<string> placeholders, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(placeholders);
        var children = new Dictionary<string, string>(StringComparer.Ordinal);
        if (placeholders.Count == 0)
        {
            return children;
        }

        var index = IndexOf(schema) ?? throw new ChildRecordLinksException("No service offers the child index's links.");
        if (signer is null)
        {
            throw new ChildRecordLinksException("The gateway has no context signing key, so the child index cannot be asked.");
        }

        var context = new GatewayRequestContext(requestId, AuditPurposes.Oversight, null)
        {
            Caller = new CallerIdentity(AuditUser, null, [AuditUser], null, null, null),
            Role = AuditUser,
            SubgraphLabels = Labels,
        };
        foreach (var bySource in placeholders.Select(p => AgencyRecordKeys.Parse(p)).OfType<(string Source, string LocalId)>().GroupBy(p => p.Source, StringComparer.Ordinal))
        {
            var ids = bySource.Select(p => p.LocalId).Distinct(StringComparer.Ordinal).ToArray();
            foreach (var (localId, childId) in await LinksAsync(index, context, bySource.Key, ids, cancellationToken).ConfigureAwait(false))
            {
                children[AgencyRecordKeys.Placeholder(bySource.Key, localId)] = childId;
            }
        }

        return children;
    }

    /// <summary>The service whose query type has the links field.</summary>
    private static SubgraphInfo? IndexOf(SupergraphSchema schema) =>
        schema.Types.TryGetValue(schema.QueryType, out var query) && query.Fields.TryGetValue(CohortLinksQuery.Field, out var field)
            && field.Joins.Count > 0 && field.Joins[0] is { } join
            ? schema.Subgraphs.FirstOrDefault(s => s.EnumValue == join.Graph || s.Name == join.Graph)
            : null;

    private async Task<IEnumerable<(string LocalId, string ChildId)>> LinksAsync(
        SubgraphInfo index, GatewayRequestContext context, string source, string[] localIds, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new { query = CohortLinksQuery.Text, variables = CohortLinksQuery.Variables(source, localIds) }, Options);
        using var message = new HttpRequestMessage(HttpMethod.Post, urlOverrides.TryGetValue(index.Name, out var url) ? url : index.Url)
        {
            Content = new ByteArrayContent(body),
        };
        message.Content.Headers.ContentType = Json;
        message.Headers.Accept.ParseAdd("application/graphql-response+json, application/json;q=0.9");
        if (signer!.Sign(context, index.Name, body) is { } token)
        {
            message.Headers.Add(SubgraphContextToken.HeaderName, token);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            await using var stream = await BoundedAnswer.OpenAsync(response, HttpSubgraphTransport.DefaultMaxAnswerBytes, timeout.Token).ConfigureAwait(false);
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: timeout.Token).ConfigureAwait(false);
            if (!document.RootElement.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object
                || !data.TryGetProperty(CohortLinksQuery.Field, out var links) || links.ValueKind != JsonValueKind.Object
                || !links.TryGetProperty("localIds", out var keys) || !links.TryGetProperty("childIds", out var children)
                || keys.GetArrayLength() != children.GetArrayLength())
            {
                throw new ChildRecordLinksException($"The child index did not say whose records these are (HTTP {(int)response.StatusCode}).");
            }

            // Two columns of equal length: the i-th record key is linked to the i-th child.
            return [.. keys.EnumerateArray().Zip(children.EnumerateArray(), (key, child) => (key.GetString()!, child.GetString()!))];
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or KeyNotFoundException or InvalidOperationException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new ChildRecordLinksException("The child index did not answer in time or could not be read.", ex);
        }
    }
}
