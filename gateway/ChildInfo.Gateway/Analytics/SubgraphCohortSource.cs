using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using ChildInfo.Analytics.Questions;
using ChildInfo.Analytics.Sources;
using ChildInfo.Federation.Supergraph;
using ChildInfo.Federation.Transport;
using ChildInfo.Gateway.Audit;
using ChildInfo.Gateway.Authorisation;
using ChildInfo.Policies.Decisions;
using ChildInfo.Policies.Preferences;

namespace ChildInfo.Gateway.Analytics;

/// <summary>
/// The agencies and the child index as one aggregate question sees them: their federation-only cohort fields
/// (<c>_cohortFacts</c>, <c>_cohortMembers</c>, <c>_cohortDimensions</c>, <c>_cohortLinks</c>, <c>_cohortPopulation</c>,
/// all <c>@inaccessible</c>, so never in the API schema), called directly with a context signed for this question
/// alone: the analyst, the purpose and only <c>count:</c> labels, so a subgraph serves these fields to nothing else
/// and serves nothing else to them. Each agency evaluates its own conditions in its own database and returns record
/// keys; nothing here holds a name or any other value of a child.
/// </summary>
public sealed class SubgraphCohortSource : ICohortSource
{
    private const string FactsField = "_cohortFacts";
    private const string DimensionsField = "_cohortDimensions";
    private const string WishesField = "_cohortWishes";

    /// <summary>The label a context counts to read an agency's wishes: signed for that call alone, whatever the analyst may count.</summary>
    private const string WishesLabel = PolicyScope.CountingLabelPrefix + "preference";
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    /// <summary>The most JSON one slice of ids may take, under the child index's default body bound of 4 MB.</summary>
    internal const int SliceBytes = 3_000_000;

    /// <summary>
    /// The longest answer read from an agency for one part of a question: a cohort's record keys for a whole
    /// authority (a million keys of 20 characters are about 23 MB) fit many times over; an answer without end does not.
    /// </summary>
    internal const long MaxAnswerBytes = 256L * 1024 * 1024;
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper) } };

    private readonly AnalyticsServices _services;
    private readonly SupergraphSchema _supergraph;
    private readonly GatewayRequestContext _context;
    private readonly PolicyScope _scope;
    private readonly HashSet<string> _unavailable = new(StringComparer.Ordinal);

    /// <param name="context">The bound request; its <see cref="GatewayRequestContext.SubgraphLabels"/> are what is signed, so give only <c>count:</c> labels.</param>
    /// <param name="scope">The caller's policy scope: it decides which recorded wishes the question honours.</param>
    public SubgraphCohortSource(AnalyticsServices services, SupergraphSchema supergraph, GatewayRequestContext context, PolicyScope scope)
    {
        _services = services;
        _supergraph = supergraph;
        _context = context;
        _scope = scope;
    }

    /// <summary>Agencies that list cohort facts in the supergraph but did not answer for the catalogue.</summary>
    public IReadOnlyCollection<string> Unavailable => _unavailable;

    /// <summary>A source for the same question signed with other labels (the catalogue needs every countable one, a question only its own).</summary>
    public SubgraphCohortSource WithLabels(IReadOnlySet<string> labels) => new(_services, _supergraph, _context with { SubgraphLabels = labels }, _scope);

    private readonly Lock _gate = new();
    private Task<CohortCatalogue>? _catalogue;

    /// <summary>Read once per source: an operation that asks for the catalogue under many aliases asks each agency once.</summary>
    public Task<CohortCatalogue> CatalogueAsync(CancellationToken ct)
    {
        lock (_gate)
        {
            return _catalogue ??= ReadCatalogueAsync(ct);
        }
    }

    private async Task<CohortCatalogue> ReadCatalogueAsync(CancellationToken ct)
    {
        var index = SubgraphsWith(DimensionsField).FirstOrDefault()
            ?? throw new CohortSourceException("child index", CohortSourceException.NotOffered, "The child index offers no dimensions to count by, so no question can be answered.");
        var agencies = SubgraphsWith(FactsField).Where(s => s != index).ToList();
        var dimensionsTask = CallAsync<List<FactDto>>(index, DimensionsField, $"{{ {DimensionsField} {{ name label description kind window values }} }}", null, ct);
        var factTasks = agencies.ToDictionary(a => a, a => CallAsync<List<FactDto>>(a, FactsField, $"{{ {FactsField} {{ name label description kind window values }} }}", null, ct));
        var dimensions = await dimensionsTask.ConfigureAwait(false);
        var facts = new Dictionary<string, IReadOnlyList<CohortFact>>(StringComparer.Ordinal);
        foreach (var (agency, task) in factTasks)
        {
            try
            {
                facts[agency] = [.. (await task.ConfigureAwait(false)).Select(f => f.ToFact())];
            }
            catch (CohortSourceException)
            {
                // An agency that cannot say what it counts is left out; a question naming it is told it is not answering.
                _unavailable.Add(agency);
            }
        }

        return new CohortCatalogue { Agencies = facts, IndexDimensions = [.. dimensions.Select(d => d.ToFact())] };
    }

    public async Task<IReadOnlyList<CohortMember>> MembersAsync(string agency, string fact, string? value, CohortWindow window, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(window);
        var arguments = $"fact: {Literal(fact)}" + (value is null ? "" : $", value: {Literal(value)}")
            + (window.From is { } from ? $", from: {Literal(Iso(from))}" : "") + (window.To is { } to ? $", to: {Literal(Iso(to))}" : "");
        // Read straight into the members: at a million records a second copy of the list is most of the memory.
        return await CallAsync<List<CohortMember>>(agency, "_cohortMembers", $"{{ _cohortMembers({arguments}) {{ localId group measure }} }}", null, ct).ConfigureAwait(false);
    }

    public async Task LinksAsync(string agency, IReadOnlyCollection<string> localIds, Action<string, string> link, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(localIds);
        ArgumentNullException.ThrowIfNull(link);
        var index = SubgraphsWith(DimensionsField).FirstOrDefault()
            ?? throw new CohortSourceException("child index", CohortSourceException.NotOffered, "The child index offers no links to count through.");
        // The child index bounds its request body: the ids go in slices.
        foreach (var slice in Slices(localIds, _services.Options.LinksPerCall))
        {
            var found = await CallAsync<LinksDto>(index, CohortLinksQuery.Field, CohortLinksQuery.Text, CohortLinksQuery.Variables(agency, slice), ct).ConfigureAwait(false);
            if (found.LocalIds is not { } keys || found.ChildIds is not { } children || keys.Count != children.Count)
            {
                throw Malformed("child index");
            }

            for (var i = 0; i < keys.Count; i++)
            {
                link(keys[i], children[i]);
            }
        }
    }

    /// <summary>
    /// Reads the agency's recorded wishes (<c>_cohortWishes</c>, under a context that also counts
    /// <c>preference</c>, for that call alone) and keeps the records whose wish the caller's rule honours and that covers
    /// a label the question reads from the agency: the same decision a practitioner's view gets
    /// (<see cref="PolicyScope.EvaluatePreferences"/>). An agency that offers facts but cannot say what wishes it holds
    /// refuses the question rather than let it count children whose families may have said no.
    /// </summary>
    public async Task<IReadOnlyCollection<string>> WithheldAsync(string agency, IReadOnlyList<string> labels, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (_scope.Rule.Preferences.Honoured.IsDefaultOrEmpty)
        {
            return [];
        }

        if (!SubgraphsWith(WishesField).Contains(agency, StringComparer.Ordinal))
        {
            throw new CohortSourceException(agency, CohortSourceException.NotOffered,
                $"The {agency} service does not say which data-use wishes it holds, so its records cannot be counted while honouring them.");
        }

        var wishes = await CallAsync<List<WishDto>>(agency, WishesField,
            $"{{ {WishesField} {{ localId code dataCategory withheldFromPurposes withheldFromAgencies }} }}", null, ct,
            new HashSet<string>(_context.SubgraphLabels, StringComparer.Ordinal) { WishesLabel }).ConfigureAwait(false);
        var withheld = new HashSet<string>(StringComparer.Ordinal);
        foreach (var wish in wishes)
        {
            if (string.IsNullOrEmpty(wish.LocalId) || withheld.Contains(wish.LocalId))
            {
                continue;
            }

            var preference = new RecordedPreference(agency, wish.Code ?? "", wish.DataCategory ?? "", wish.WithheldFromPurposes ?? [], wish.WithheldFromAgencies ?? []);
            foreach (var decision in _scope.EvaluatePreferences([preference]).Decisions)
            {
                if (decision.Outcome == PreferenceOutcome.Withheld && labels.Any(label => decision.Covers(agency, label)))
                {
                    withheld.Add(wish.LocalId);
                }
            }
        }

        return withheld;
    }

    public async Task<CohortPopulation> PopulationAsync(DateOnly asAt, IReadOnlyList<string> dimensions, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        var index = SubgraphsWith(DimensionsField).FirstOrDefault()
            ?? throw new CohortSourceException("child index", CohortSourceException.NotOffered, "The child index offers no population to count.");
        var list = "[" + string.Join(", ", dimensions.Select(Literal)) + "]";
        var population = await CallAsync<PopulationDto>(index, "_cohortPopulation",
            $"{{ _cohortPopulation(asAt: {Literal(Iso(asAt))}, dimensions: {list}) {{ childIds groups }} }}", null, ct).ConfigureAwait(false);
        if (population.ChildIds is not { } children || population.Groups is not { } groups || groups.Count != dimensions.Count
            || groups.Exists(column => column is null || column.Count != children.Count))
        {
            throw Malformed("child index");
        }

        // The columns as they were read: no object per child.
        return new CohortPopulation(children, groups);
    }

    /// <summary>The subgraphs (by name) whose Query type has <paramref name="field"/>, in the supergraph's order.</summary>
    private IEnumerable<string> SubgraphsWith(string field) =>
        _supergraph.Types.TryGetValue(_supergraph.QueryType, out var query) && query.Fields.TryGetValue(field, out var f)
            ? f.Joins.Select(j => j.Graph).Distinct(StringComparer.Ordinal)
            : [];

    /// <param name="labels">The labels to sign for this call alone, when not the question's own.</param>
    private async Task<T> CallAsync<T>(string subgraph, string field, string query, object? variables, CancellationToken ct, IReadOnlySet<string>? labels = null)
        where T : class
    {
        var info = _supergraph.FindSubgraph(subgraph)
            ?? throw new CohortSourceException(subgraph, CohortSourceException.NotOffered, $"No subgraph is named '{subgraph}'.");
        var url = _services.UrlOf(info);
        var body = JsonSerializer.SerializeToUtf8Bytes(new { query, variables }, Options);
        using var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = Json;
        message.Headers.Accept.ParseAdd("application/graphql-response+json, application/json;q=0.9");
        var context = labels is null ? _context : _context with { SubgraphLabels = labels };
        if (_services.Signer?.Sign(context, info.Name, body) is { } token)
        {
            message.Headers.Add(ChildInfo.Subgraphs.Contract.SubgraphContextToken.HeaderName, token);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_services.Options.SubgraphTimeout);
        Envelope<T>? envelope;
        try
        {
            using var response = await _services.Client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            await using var stream = await BoundedAnswer.OpenAsync(response, MaxAnswerBytes, timeout.Token).ConfigureAwait(false);
            envelope = await JsonSerializer.DeserializeAsync<Envelope<T>>(stream, Options, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or NotSupportedException
            || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            throw new CohortSourceException(subgraph, CohortSourceException.NotAnswering,
                $"The {subgraph} service did not answer its part of the question" + (ex is OperationCanceledException ? " in time." : "."));
        }

        if (envelope?.Errors is { Count: > 0 } errors)
        {
            // The subgraph's code is passed on; its message may name values of the question, which the analyst wrote.
            var code = errors[0].Extensions?.Code ?? CohortSourceException.Refused;
            throw new CohortSourceException(subgraph, code, $"The {subgraph} service refused its part of the question: {errors[0].Message}");
        }

        return envelope?.Data is { } data && data.TryGetValue(field, out var value) && value is not null
            ? value
            : throw new CohortSourceException(subgraph, CohortSourceException.NotAnswering, $"The {subgraph} service gave no answer to its part of the question.");
    }

    /// <summary>
    /// Ids in slices of at most <paramref name="count"/> ids and about <see cref="SliceBytes"/> of JSON each, so a call
    /// stays under the child index's request body bound (4 MB by default) whatever the ids' length.
    /// </summary>
    internal static IEnumerable<List<string>> Slices(IEnumerable<string> ids, int count)
    {
        var slice = new List<string>();
        var bytes = 0;
        foreach (var id in ids)
        {
            // Quotes and a comma, a byte for a letter, digit, '-' or '_', and at most 6 for any other character once escaped.
            var size = 3;
            foreach (var c in id)
            {
                size += char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? 1 : 6;
            }

            if (slice.Count > 0 && (slice.Count >= count || bytes + size > SliceBytes))
            {
                yield return slice;
                slice = [];
                bytes = 0;
            }

            slice.Add(id);
            bytes += size;
        }

        if (slice.Count > 0)
        {
            yield return slice;
        }
    }

    /// <summary>An answer whose columns do not line up: nothing of it is counted.</summary>
    private static CohortSourceException Malformed(string subgraph) =>
        new(subgraph, CohortSourceException.NotAnswering, $"The {subgraph} service gave an answer to its part of the question that could not be read.");

    private static string Literal(string text) => JsonSerializer.Serialize(text);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private sealed record Envelope<T>(Dictionary<string, T?>? Data, List<ErrorDto>? Errors);

    private sealed record ErrorDto(string Message, ErrorExtensions? Extensions);

    private sealed record ErrorExtensions(string? Code);

    private sealed record FactDto(string Name, string Label, string Description, CohortFactKind Kind, CohortWindowKind Window, List<string>? Values)
    {
        public CohortFact ToFact() => new(Name, Label, Description, Kind, Window, Values ?? []);
    }

    private sealed record LinksDto(List<string>? LocalIds, List<string>? ChildIds);

    private sealed record WishDto(string LocalId, string? Code, string? DataCategory, List<string>? WithheldFromPurposes, List<string>? WithheldFromAgencies);

    private sealed record PopulationDto(List<string?>? ChildIds, [property: JsonConverter(typeof(SharedStringColumnsConverter))] List<List<string?>>? Groups);
}
