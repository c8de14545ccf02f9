using ChildInfo.Subgraphs.Kit.Batching;
using Dapper;
using GraphQL;
using GraphQL.DataLoader;

namespace ChildInfo.Subgraphs.Kit.Hosting.Security;

/// <summary>
/// Record scope as one agency decides it with its own records, for every path into them: its root lookups, the
/// <c>_entities</c> lookup of each entity type it resolves by key, and the fields nested under them (which hang off a
/// record already in scope). The decision is a SQL condition on the agency's own row, added to the statement that
/// reads the records, so a batch of keys costs one statement and a record outside the scope never leaves the database.
/// A scope the agency cannot decide with its own records (an education service does not know a social worker's
/// caseload) is refused before any SQL runs: the agency answers for none of its records under it, because it cannot
/// tell an allowed record from one that is not.
/// </summary>
public abstract class AgencyRecordScope
{
    protected AgencyRecordScope(string agency) => Agency = agency;

    /// <summary>The agency (subgraph) name, as errors name it.</summary>
    public string Agency { get; }

    /// <summary>Whether this agency can decide <paramref name="kind"/> (other than everyone's) with its own records.</summary>
    public abstract bool Decides(RecordScopeKind kind);

    /// <summary>
    /// The SQL condition that keeps a row in <paramref name="scope"/>, a kind this agency <see cref="Decides"/>; it adds
    /// its parameters (named <c>@scope…</c>) to <paramref name="parameters"/>. A scope that names no usable holder
    /// (no user, no URN) must give a condition no row meets. Write it as membership of the holder's set
    /// (<c>key IN (SELECT … WHERE holder = @scopeUser)</c>), which the database reads once through the holder's index;
    /// a correlated <c>EXISTS</c> per row was up to 50 times slower on a batch of 1,000 keys.
    /// </summary>
    protected abstract string Condition(CallerScope scope, DynamicParameters parameters);

    /// <summary>
    /// The condition for <paramref name="scope"/> (<c>1 = 1</c> for everyone's, including break-glass, and for calls
    /// without a verified context); throws the <see cref="CallerScope.CannotDecide"/> error for a scope this agency
    /// cannot decide.
    /// </summary>
    public string Filter(CallerScope scope, DynamicParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(parameters);
        if (scope.IsEveryone)
            return "1 = 1";
        return Decides(scope.Kind) ? Condition(scope, parameters) : throw scope.CannotDecide(Agency);
    }

    /// <summary>
    /// One record by key within the caller's scope, through the request's batch loader <paramref name="loader"/>, whose
    /// <paramref name="fetch"/> reads a batch of keys with <see cref="Filter"/> in its SQL. A key with no record in
    /// scope (an unknown key too, so that the answer does not say whether a record exists) fails with
    /// <c>OUTSIDE_SCOPE</c>; under everyone's scope an unknown key is simply null. A scope the agency cannot decide
    /// fails with the same error for every key, and no SQL runs.
    /// </summary>
    public IDataLoaderResult<T?> Load<T>(
        IResolveFieldContext context,
        string loader,
        string key,
        Func<IReadOnlyCollection<string>, CallerScope, CancellationToken, Task<IReadOnlyDictionary<string, T>>> fetch)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        var scope = CallerScope.From(context);
        if (!scope.IsEveryone && !Decides(scope.Kind))
            return new Refused<T>(scope.CannotDecide(Agency));
        return context.Loaders().Get<string, T>(loader, (keys, ct) => fetch(keys, scope, ct)).Load(key)
            .Select(record => record ?? (scope.IsEveryone ? null : throw scope.OutsideScope()));
    }

    /// <summary>A lookup refused before it reached the loader: its error is raised where the result is awaited.</summary>
    private sealed class Refused<T>(ExecutionError error) : IDataLoaderResult<T?>
    {
        public Task<T?> GetResultAsync(CancellationToken cancellationToken = default) => Task.FromException<T?>(error);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken).ConfigureAwait(false);
    }
}
