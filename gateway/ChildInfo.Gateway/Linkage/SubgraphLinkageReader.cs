using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using ChildInfo.Federation.Supergraph;
using ChildInfo.Federation.Transport;
using ChildInfo.Gateway.Authorisation;
using ChildInfo.Linkage.Records;

namespace ChildInfo.Gateway.Linkage;

/// <summary>
/// Reads every record each agency offers for linkage through its federation-only <c>_linkageRecords</c> field
/// (<c>@inaccessible</c>, never in the API schema), page by page, with a context signed for this run alone: the
/// linkage officer, purpose record_linkage, and only <c>identify:&lt;agency&gt;</c> labels, so an agency serves these
/// fields to nothing else and nothing else to them. Anything but a whole, well-formed answer stops the run.
/// </summary>
public sealed class SubgraphLinkageReader(LinkageServices services, SupergraphSchema supergraph, GatewayRequestContext context)
{
    /// <summary>The federation field every agency offering records for linkage declares.</summary>
    public const string Field = "_linkageRecords";

    private const string Query = "query($first: Int!, $after: String) { _linkageRecords(first: $first, after: $after) { next records { localId forename middleName surname sex dateOfBirth postcode nhsNumber upn } } }";
    private const string OneQuery = "query($localId: ID!) { _linkageRecords(first: 1, localId: $localId) { next records { localId forename middleName surname sex dateOfBirth postcode nhsNumber upn } } }";
    private const int MaxLocalId = 64;
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>The agencies (by subgraph name) whose query type offers <see cref="Field"/>, in the supergraph's order.</summary>
    public IReadOnlyList<string> Agencies() =>
        supergraph.Types.TryGetValue(supergraph.QueryType, out var query) && query.Fields.TryGetValue(Field, out var f)
            ? [.. f.Joins.Select(j => j.Graph).Distinct(StringComparer.Ordinal)]
            : [];

    /// <summary>Every record <paramref name="agency"/> holds.</summary>
    /// <exception cref="LinkageJobException">The agency did not answer, refused, or gave malformed records.</exception>
    public async Task<IReadOnlyList<LinkageRecord>> ReadAsync(string agency, IProgress<string>? progress, CancellationToken ct)
    {
        var info = supergraph.FindSubgraph(agency)
            ?? throw new LinkageJobException(agency, LinkageJobException.NothingOffered, $"No subgraph is named '{agency}'.");
        var records = new List<LinkageRecord>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? after = null;
        do
        {
            var page = await CallAsync(info, new { query = Query, variables = new { first = services.Options.PageSize, after } }, ct).ConfigureAwait(false);
            foreach (var dto in page.Records ?? [])
            {
                var record = ToRecord(agency, dto, records.Count + 1);
                if (!seen.Add(record.LocalId))
                {
                    throw new LinkageJobException(agency, LinkageJobException.Malformed, $"The {agency} service gave the record {record.LocalId} twice.");
                }

                records.Add(record);
            }

            if (page.Next is { } next && (next == after || (page.Records?.Count ?? 0) == 0))
            {
                throw new LinkageJobException(agency, LinkageJobException.Malformed, $"The {agency} service's pages do not move on (cursor '{Shorten(next)}').");
            }

            after = page.Next;
            progress?.Report($"{agency}: {records.Count:N0} records read");
        }
        while (after is not null);

        return records;
    }

    /// <summary>The one record <paramref name="agency"/> holds under <paramref name="localId"/>; null when it holds none.</summary>
    /// <exception cref="LinkageJobException">The agency did not answer, refused, or gave a malformed or different record.</exception>
    public async Task<LinkageRecord?> ReadOneAsync(string agency, string localId, CancellationToken ct)
    {
        var info = supergraph.FindSubgraph(agency)
            ?? throw new LinkageJobException(agency, LinkageJobException.NothingOffered, $"No subgraph is named '{agency}'.");
        var page = await CallAsync(info, new { query = OneQuery, variables = new { localId } }, ct).ConfigureAwait(false);
        var records = page.Records ?? [];
        if (records.Count == 0)
        {
            return null;
        }

        var record = ToRecord(agency, records[0], 1);
        // An agency that ignores the argument (one built before it existed) answers with its first page instead.
        return records.Count == 1 && record.LocalId == localId
            ? record
            : throw new LinkageJobException(agency, LinkageJobException.Malformed, $"The {agency} service does not read one record by its local id (it answered with other records); update its subgraph.");
    }

    private static LinkageRecord ToRecord(string agency, RecordDto dto, int number)
    {
        if (string.IsNullOrWhiteSpace(dto.LocalId) || dto.LocalId.Length > MaxLocalId)
        {
            throw new LinkageJobException(agency, LinkageJobException.Malformed, $"The {agency} service gave record number {number:N0} without a usable local id.");
        }

        DateOnly? dob = null;
        if (dto.DateOfBirth is { } text)
        {
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                throw new LinkageJobException(agency, LinkageJobException.Malformed, $"The {agency} service gave the record {dto.LocalId} a date of birth that is not a date ('{Shorten(text)}').");
            }

            dob = parsed;
        }

        char? sex = dto.Sex switch
        {
            null or "" => null,
            { Length: 1 } one => char.ToUpperInvariant(one[0]),
            _ => throw new LinkageJobException(agency, LinkageJobException.Malformed, $"The {agency} service gave the record {dto.LocalId} a sex code that is not one character ('{Shorten(dto.Sex)}')."),
        };
        return new LinkageRecord(agency, dto.LocalId, dto.Forename, dto.MiddleName, dto.Surname, sex, dob, dto.Postcode, dto.NhsNumber, dto.Upn);
    }

    private async Task<PageDto> CallAsync(SubgraphInfo info, object request, CancellationToken ct)
    {
        var agency = info.Name;
        var body = JsonSerializer.SerializeToUtf8Bytes(request, Options);
        using var message = new HttpRequestMessage(HttpMethod.Post, services.UrlOf(info)) { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = Json;
        message.Headers.Accept.ParseAdd("application/graphql-response+json, application/json;q=0.9");
        if (services.Signer?.Sign(context, agency, body) is { } token)
        {
            message.Headers.Add(ChildInfo.Subgraphs.Contract.SubgraphContextToken.HeaderName, token);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(services.Options.SubgraphTimeout);
        Envelope? envelope;
        try
        {
            using var response = await services.Client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            // A page is at most 5,000 records of a few hundred bytes each; the default bound holds it several times over.
            await using var stream = await BoundedAnswer.OpenAsync(response, HttpSubgraphTransport.DefaultMaxAnswerBytes, timeout.Token).ConfigureAwait(false);
            envelope = await JsonSerializer.DeserializeAsync<Envelope>(stream, Options, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or NotSupportedException
            || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            throw new LinkageJobException(agency, LinkageJobException.NotAnswering,
                $"The {agency} service did not give its records for linkage" + (ex is OperationCanceledException ? " in time." : ex is JsonException ? " in a form the job can read." : "."));
        }

        if (envelope?.Errors is { Count: > 0 } errors)
        {
            throw new LinkageJobException(agency, errors[0].Extensions?.Code ?? LinkageJobException.Refused, $"The {agency} service refused its records for linkage: {Shorten(errors[0].Message)}");
        }

        return envelope?.Data?.LinkageRecords
            ?? throw new LinkageJobException(agency, LinkageJobException.NotAnswering, $"The {agency} service gave no records for linkage.");
    }

    private static string Shorten(string text) => text.Length <= 64 ? text : string.Concat(text.AsSpan(0, 64), "…");

    private sealed record Envelope(DataDto? Data, List<ErrorDto>? Errors);

    private sealed record DataDto([property: System.Text.Json.Serialization.JsonPropertyName("_linkageRecords")] PageDto? LinkageRecords);

    private sealed record PageDto(string? Next, List<RecordDto>? Records);

    private sealed record RecordDto(string LocalId, string? Forename, string? MiddleName, string? Surname, string? Sex, string? DateOfBirth, string? Postcode, string? NhsNumber, string? Upn);

    private sealed record ErrorDto(string Message, ErrorExtensions? Extensions);

    private sealed record ErrorExtensions(string? Code);
}
