using System.Runtime.ExceptionServices;
using System.Text.Json;
using ChildInfo.Subgraphs.Contract;
using ChildInfo.Subgraphs.Kit.Cohort;
using ChildInfo.Subgraphs.Kit.Data;
using ChildInfo.Subgraphs.Kit.Hosting;
using Dapper;
using Xunit;

namespace ChildInfo.Testing;

/// <summary>
/// An agency's subgraph with a context key over a database filled by the synthetic data generator (or the agency's
/// own seeding), for the cohort tests: calls carry contexts with counting labels as the gateway signs them for an
/// aggregate-only purpose. A provider that is not available turns into a skip (or, under CI, a failure) in each test.
/// </summary>
public abstract class CohortFixture<TDefinition>(TDefinition definition) : IAsyncLifetime
    where TDefinition : SubgraphDefinition
{
    private readonly byte[] _key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
    private SubgraphTestHost? _host;
    private ExceptionDispatchInfo? _unavailable;

    public TDefinition Definition { get; } = definition;

    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    /// <summary>"Today" in the data: as-at windows are asked for on it, periods end on it.</summary>
    public abstract DateOnly ReferenceDate { get; }

    /// <summary>The SQL listing every record key of the agency (<c>ci_record_link.local_id</c> values), one column.</summary>
    public abstract string RecordKeysSql { get; }

    /// <summary>Fills <paramref name="database"/> (schema already created).</summary>
    protected abstract Task WriteAsync(AgencyDatabase database);

    public SubgraphTestHost Host
    {
        get
        {
            _unavailable?.Throw();
            return _host!;
        }
    }

    public async ValueTask InitializeAsync()
    {
        try
        {
            var options = await TestDatabases.CreateAsync(Provider, "cohort-" + Definition.Name).ConfigureAwait(false);
            var database = new AgencyDatabase(options);
            await SchemaInstaller.EnsureCreatedAsync(database, Definition.DatabaseSchema).ConfigureAwait(false);
            await WriteAsync(database).ConfigureAwait(false);
            _host = await SubgraphTestHost.StartAsync(Definition, options, options: new SubgraphHostOptions { ContextKey = _key }).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Rethrown in each test through Host, where a skip or failure belongs.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _unavailable = ExceptionDispatchInfo.Capture(ex);
        }
    }

    /// <summary>A context as the gateway signs it for an analyst: the given labels with the counting prefix, nothing else.</summary>
    public SubgraphContext Counting(params string[] labels) => new("analyst-1", "la_analyst", "service_planning", "req-cohort")
    {
        Scope = "Everyone",
        Rule = "la_analyst/service_planning",
        Labels = labels.Select(l => SubgraphContext.CountingLabelPrefix + l).ToHashSet(StringComparer.Ordinal),
        Audience = Host.Name,
        IssuedAt = DateTimeOffset.UtcNow,
        ExpiresAt = DateTimeOffset.UtcNow + SubgraphContextToken.DefaultLifetime,
    };

    /// <summary>
    /// A context as the gateway signs it for the linkage job: purpose record_linkage and the identifying labels of
    /// <paramref name="agencies"/> (this agency's when none is named).
    /// </summary>
    public SubgraphContext Identifying(string purpose = "record_linkage", params string[] agencies) => new("linkage-job", "linkage_officer", purpose, "req-linkage")
    {
        Scope = "Everyone",
        Rule = "linkage_officer/" + purpose,
        Labels = (agencies.Length == 0 ? [Host.Name] : agencies).Select(a => SubgraphContext.IdentifyingLabelPrefix + a).ToHashSet(StringComparer.Ordinal),
        Audience = Host.Name,
        IssuedAt = DateTimeOffset.UtcNow,
        ExpiresAt = DateTimeOffset.UtcNow + SubgraphContextToken.DefaultLifetime,
    };

    /// <summary>A context allowed to count every fact the agency declares.</summary>
    public SubgraphContext CountingEverything() => Counting([.. Definition.CohortFacts.Facts.Select(f => f.Label).Distinct()]);

    /// <summary>A row-level context: every plain label and link of the agency, to read and record, and no counting label.</summary>
    public SubgraphContext RowLevel() => Host.Context("Everyone");

    /// <summary>Posts <paramref name="query"/> with <paramref name="context"/> signed by the subgraph's key.</summary>
    public Task<JsonElement> PostAsync(SubgraphContext context, string query, object? variables = null) => Host.QueryAsync(context, _key, query, variables);

    /// <summary>Calls <c>_cohortMembers</c>.</summary>
    public Task<JsonElement> MembersAsync(SubgraphContext context, string fact, string? value = null, DateOnly? from = null, DateOnly? to = null) =>
        PostAsync(context, "query($fact: String!, $value: String, $from: Date, $to: Date) { _cohortMembers(fact: $fact, value: $value, from: $from, to: $to) { localId group measure } }",
            new { fact, value, from = from?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), to = to?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });

    /// <summary>Calls <c>_cohortMembers</c> as a caller allowed to count everything and returns the rows, failing on any error.</summary>
    public async Task<IReadOnlyList<CohortMember>> RowsAsync(string fact, string? value = null, DateOnly? from = null, DateOnly? to = null)
    {
        var response = await MembersAsync(CountingEverything(), fact, value, from, to).ConfigureAwait(false);
        Assert.False(response.TryGetProperty("errors", out var errors), errors.ToString());
        return [.. response.GetProperty("data").GetProperty("_cohortMembers").EnumerateArray().Select(m => new CohortMember(
            m.GetProperty("localId").GetString()!,
            m.GetProperty("group").ValueKind == JsonValueKind.Null ? null : m.GetProperty("group").GetString(),
            m.GetProperty("measure").ValueKind == JsonValueKind.Null ? null : m.GetProperty("measure").GetDouble()))];
    }

    /// <summary>The window a fact is asked for in the generic tests: as at the reference date, or the year up to it.</summary>
    public (DateOnly? From, DateOnly? To) WindowFor(CohortFactDefinition fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return fact.Window switch
        {
            CohortWindowKind.AsAt => (null, ReferenceDate),
            CohortWindowKind.During => (ReferenceDate.AddYears(-1), ReferenceDate),
            _ => (null, null),
        };
    }

    /// <summary>Runs a query on the agency's database (for expectations worked out independently of the facts' SQL).</summary>
    public async Task<List<T>> QueryAsync<T>(string sql)
    {
        await using var connection = await Host.Database.OpenAsync().ConfigureAwait(false);
        return [.. await connection.QueryAsync<T>(sql).ConfigureAwait(false)];
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync().ConfigureAwait(false);
        }

        GC.SuppressFinalize(this);
    }
}
