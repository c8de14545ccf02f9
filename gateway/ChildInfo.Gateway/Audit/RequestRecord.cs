using System.Collections.Immutable;
using System.Text.Json;
using ChildInfo.Federation;
using ChildInfo.Federation.Access;
using ChildInfo.Federation.Operations;
using ChildInfo.Federation.Supergraph;
using ChildInfo.Gateway.Authorisation;

namespace ChildInfo.Gateway.Audit;

/// <summary>
/// One request as the audit sees it, built by the request pipeline from what its steps found and handed to
/// <see cref="GatewayAudit"/> once, before the answer is written. Each step that runs adds what it learnt (a new
/// record, never a change to this one); a request refused early simply has less. The variables are held only to read
/// child ids passed to lookups; they are never stored.
/// </summary>
/// <param name="RequestId">The request's id.</param>
/// <param name="Schema">The supergraph the request ran on (its revision's).</param>
/// <param name="Context">Who asked and why: the declared purpose and justification, and once bound the caller, role and scope.</param>
public sealed record RequestRecord(string RequestId, SupergraphSchema Schema, GatewayRequestContext Context)
{
    public string? Query { get; init; }

    public string? OperationName { get; init; }

    public JsonElement? Variables { get; init; }

    /// <summary>True once the engine has seen the request (its parse is then <see cref="Document"/>, null if it did not parse).</summary>
    public bool ReachedEngine { get; init; }

    /// <summary>The engine's parse of the operation; null when it did not parse or the engine never saw it.</summary>
    public OperationDocument? Document { get; init; }

    /// <summary>What the plan and record scope withheld (<see cref="ScopeWithholding.Of"/>); the preference guard's is in <see cref="Result"/>.</summary>
    public ImmutableArray<WithheldField> Withheld { get; init; } = [];

    /// <summary>The HTTP status answered.</summary>
    public int Status { get; init; }

    /// <summary>The GraphQL result answered; null when the request was not a GraphQL request (or failed).</summary>
    public GatewayResult? Result { get; init; }

    /// <summary>What the executed response disclosed, read from the engine's merged result; null when nothing ran.</summary>
    public ResponseDisclosure? Disclosure { get; init; }
}
