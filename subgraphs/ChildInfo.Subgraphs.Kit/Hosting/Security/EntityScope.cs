using ChildInfo.Subgraphs.Kit.Batching;
using GraphQL;
using GraphQL.DataLoader;

namespace ChildInfo.Subgraphs.Kit.Hosting.Security;

/// <summary>
/// Record scope on the way in through <c>_entities</c>, the path the gateway takes to an agency's record of a child
/// it already holds (<c>Child.pupil</c> → <c>Pupil</c> by UPN). Each agency decides the scope with its own records
/// wherever they can decide it (a school roll, a setting's register, the caller's own allocations here); a record
/// outside it is null with an <c>OUTSIDE_SCOPE</c> error, and the rest of the batch still resolves.
/// <para>
/// Where the agency's records cannot decide it (a social worker's caseload, asked of education), the agency serves
/// the records the call names, and only because of what the call carries: a context the gateway signed for this
/// subgraph alone, fresh, and bound to this very body, so the keys are exactly those the gateway released from a
/// parent that was itself scope-checked (the child index, or an agency that decided). A captured context opens
/// nothing else: changing a key breaks the body hash, and another subgraph is another audience.
/// </para>
/// </summary>
public static class EntityScope
{
    /// <summary>
    /// Decides which of <paramref name="keys"/> are in <paramref name="scope"/> using the agency's own records; null
    /// when the agency's records cannot decide it for this caller.
    /// </summary>
    public delegate Task<IReadOnlySet<TKey>?> Decide<TKey>(IResolveFieldContext context, CallerScope scope, IReadOnlyCollection<TKey> keys);

    /// <summary>
    /// The entity for <paramref name="key"/>, batched with the rest of the call's representations in one loader that
    /// first decides the scope and then fetches only the keys in it (a record outside the scope is never read):
    /// the record when in scope (or when the scope is everyone, or the subgraph runs without a context key), else
    /// an <c>OUTSIDE_SCOPE</c> error at the entity's path.
    /// </summary>
    public static IDataLoaderResult<T?> Load<TKey, T>(
        IResolveFieldContext context,
        string name,
        TKey key,
        Decide<TKey> decide,
        Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, T>>> fetch)
        where TKey : notnull
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(decide);
        ArgumentNullException.ThrowIfNull(fetch);
        var scope = CallerScope.From(context);
        var undecided = scope.IsEveryone || !scope.Verified;
        return context.Loaders().Get<TKey, Verdict<T>>("entities." + name, async (keys, cancellationToken) =>
        {
            var inScope = undecided ? null : await decide(context, scope, keys).ConfigureAwait(false);
            var allowed = inScope is null ? keys : [.. keys.Where(inScope.Contains)];
            var records = allowed.Count == 0 ? new Dictionary<TKey, T>() : await fetch(allowed, cancellationToken).ConfigureAwait(false);
            return keys.ToDictionary(k => k, k => inScope is not null && !inScope.Contains(k)
                ? Verdict<T>.Outside
                : new Verdict<T>(records.GetValueOrDefault(k)));
        }).Load(key).Select(verdict => verdict.IsOutside ? throw scope.OutsideScope() : verdict.Record);
    }

    /// <summary>One key's answer: its record (null when the agency holds none), or outside the scope.</summary>
    private sealed record Verdict<T>(T? Record)
        where T : class
    {
        public static Verdict<T> Outside { get; } = new((T?)null) { IsOutside = true };

        public bool IsOutside { get; private init; }
    }
}
