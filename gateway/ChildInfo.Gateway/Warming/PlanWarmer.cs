using ChildInfo.Federation;
using ChildInfo.Federation.Errors;
using ChildInfo.Gateway.Authorisation;
using ChildInfo.Gateway.Revisions;

namespace ChildInfo.Gateway.Warming;

/// <summary>
/// An operation to plan ahead, in terms that outlive a revision: its text and name, the role, purpose and break-glass
/// its requests were bound under (no role: a host without policies), and the <c>@include</c>/<c>@skip</c> plan keys
/// it was planned for. Never a variable value: what a caller asked about stays in its request.
/// </summary>
public sealed record WarmOperation(string Text, string? OperationName, string? Role, string? Purpose, bool BreakGlass, IReadOnlyList<ulong> ConditionKeys);

/// <summary>
/// What warming a revision did: operations planned, skipped (their role or purpose no longer binds), refused, and left
/// unplanned because the time allowed was spent (their first requests plan them).
/// </summary>
public sealed record PlanWarming(int Planned, int Skipped, int Refused, TimeSpan Elapsed, int Left = 0);

/// <summary>
/// Plans a revision's operations before it is served, so that a registry change does not send every operation and
/// scope in use through the planner at once, under load, on the requests that happen to come first. Each operation is
/// bound again under the new revision's policies (a scope key names a policy version) and planned under exactly the
/// field policy its requests will be (<see cref="PolicyAuthoriser.PlanningPolicy"/>), so a warmed plan is the plan the
/// request would have built. Operations are planned most recently used first, until <see cref="MaxOperations"/> are
/// or <see cref="Budget"/> is spent: warming makes a change cheaper to serve, and must not hold it back.
/// </summary>
public sealed class PlanWarmer(int maxOperations = PlanWarmer.DefaultMaxOperations, TimeSpan? budget = null, TimeProvider? time = null)
{
    /// <summary>Enough for the operations a deployment's clients send under each of their scopes; a few ms each at most.</summary>
    public const int DefaultMaxOperations = 256;

    /// <summary>
    /// The time a registry change may spend planning ahead before it is served on every replica: a quarter of the two
    /// seconds in which replicas follow a change, so a loaded replica with many distinct operations still follows in time.
    /// </summary>
    public static readonly TimeSpan DefaultRegistryBudget = TimeSpan.FromMilliseconds(500);

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public int MaxOperations { get; } = Math.Max(0, maxOperations);

    /// <summary>The most time one warming spends; null: as long as <see cref="MaxOperations"/> take.</summary>
    public TimeSpan? Budget { get; } = budget is { } b && b < TimeSpan.Zero ? TimeSpan.Zero : budget;

    /// <summary>The operations <paramref name="served"/> has planned, recently used first, at most <see cref="MaxOperations"/>.</summary>
    public IReadOnlyList<WarmOperation> RecentOf(GatewayRevision served)
    {
        ArgumentNullException.ThrowIfNull(served);
        var recent = new List<WarmOperation>();
        foreach (var operation in served.Gateway.RecentOperations(MaxOperations))
        {
            if (operation.ScopeKey is null)
            {
                recent.Add(new WarmOperation(operation.Text, operation.OperationName, null, null, false, operation.ConditionKeys));
            }
            else if (served.ScopeOf(operation.ScopeKey) is { } scope)
            {
                recent.Add(new WarmOperation(operation.Text, operation.OperationName, scope.Role.Id, scope.Purpose.Id, scope.BreakGlass, operation.ConditionKeys));
            }
        }

        return recent;
    }

    /// <summary>
    /// Plans up to <see cref="MaxOperations"/> of <paramref name="operations"/> in <paramref name="next"/>, in their
    /// order, before it is served; stops early once <see cref="Budget"/> is spent.
    /// </summary>
    public async Task<PlanWarming> WarmAsync(GatewayRevision next, IEnumerable<WarmOperation> operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(operations);
        var started = _time.GetTimestamp();
        var chosen = operations.Take(MaxOperations).ToList();
        int planned = 0, skipped = 0, refused = 0;
        foreach (var operation in chosen)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Budget is { } allowed && _time.GetElapsedTime(started) >= allowed)
            {
                break;
            }

            var cached = new CachedOperation(operation.Text, operation.OperationName, null, operation.ConditionKeys);
            GraphQLError? refusal;
            if (operation.Role is null)
            {
                refusal = await next.Gateway.WarmAsync(cached, null, null, cancellationToken).ConfigureAwait(false);
            }
            else if (Bind(next, operation) is { } scope)
            {
                refusal = await next.Gateway.WarmAsync(cached, scope.CacheKey, PolicyAuthoriser.PlanningPolicy(next, scope), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                skipped++;
                continue;
            }

            if (refusal is null)
            {
                planned++;
            }
            else
            {
                refused++;
            }
        }

        return new PlanWarming(planned, skipped, refused, _time.GetElapsedTime(started), chosen.Count - planned - skipped - refused);
    }

    /// <summary>The scope the operation's requests bind to under <paramref name="next"/>'s policies; null when they no longer may.</summary>
    private static ChildInfo.Policies.Decisions.PolicyScope? Bind(GatewayRevision next, WarmOperation operation)
    {
        if (next.Policies is not { } policies || operation.Role is null)
        {
            return null;
        }

        // Planning needs no justification's text, only that requests of this scope bring one where it is required.
        var binding = policies.Bind(operation.Role, operation.Purpose, justificationPresent: true, operation.BreakGlass);
        return binding is { Allowed: true, Scope: { } scope } && scope.BreakGlass == operation.BreakGlass ? scope : null;
    }
}
