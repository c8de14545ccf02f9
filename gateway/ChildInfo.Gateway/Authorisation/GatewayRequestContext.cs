using ChildInfo.Gateway.Identity;
using ChildInfo.Policies.Decisions;

namespace ChildInfo.Gateway.Authorisation;

/// <summary>
/// Who asks and why, bound to one client request and handed to the engine as the request's context (it travels
/// with every subgraph request, signed). Purpose and justification are the caller's checked declaration
/// (<see cref="Http.CallerDeclaration"/>). Once the request is bound (<see cref="IOperationAuthoriser.BindAsync"/>)
/// it also carries the caller, role and policy scope.
/// </summary>
/// <param name="RequestId">The request's id (the ASP.NET Core trace identifier).</param>
/// <param name="Purpose">The declared purpose id, for example <c>child_protection</c>; null when none was given.</param>
/// <param name="Justification">Free text such as a case reference; null when none was given.</param>
public sealed record GatewayRequestContext(string RequestId, string? Purpose, string? Justification)
{
    /// <summary>The authenticated caller; null when the host runs without identity (engine tests only).</summary>
    public CallerIdentity? Caller { get; init; }

    /// <summary>The role the request acts in (one of the caller's roles).</summary>
    public string? Role { get; init; }

    /// <summary>True when the caller asked for break-glass (<c>ChildInfo-Break-Glass: true</c>) and the rule allows it.</summary>
    public bool BreakGlass { get; init; }

    /// <summary>True when the whole operation is refused if any field would be withheld.</summary>
    public bool Strict { get; init; }

    /// <summary>The compiled policy scope the request is bound to (rule, labels, links, record scope).</summary>
    public PolicyScope? Scope { get; init; }

    /// <summary>
    /// The labels a subgraph may return for this request, signed into each call's context: the scope's releasable
    /// labels and those the gateway reads to enforce it (data-use preferences). Empty until bound.
    /// </summary>
    public IReadOnlySet<string> SubgraphLabels { get; init; } = System.Collections.Frozen.FrozenSet<string>.Empty;

    /// <summary>The bound rule's id, for example <c>social_worker/child_protection</c>.</summary>
    public string? Rule => Scope?.Rule.Id;
}
