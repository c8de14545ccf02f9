using System.Collections.Immutable;
using ChildInfo.Federation;

namespace ChildInfo.Gateway.Authorisation;

/// <summary>
/// What one request was allowed and refused, for the audit: the bound context (caller, role, organisation, purpose,
/// justification, break-glass, rule) and the fields withheld, with the records withheld by record scope
/// (<see cref="ScopeWithholding"/>, code <c>OUTSIDE_SCOPE</c>) among them. The endpoint sets it as an
/// <see cref="HttpContext"/> feature (<c>http.Features.Get&lt;RequestAccess&gt;()</c>) once the operation has run or
/// been refused in strict mode.
/// </summary>
public sealed record RequestAccess(GatewayRequestContext Context, ImmutableArray<WithheldFieldAccess> Withheld)
{
    public static RequestAccess Create(GatewayRequestContext context, PreparedOperation operation, GatewayResult? result)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(operation);
        var counts = result?.Withheld.ToDictionary(w => w.Decision.Coordinate, w => w.Count, StringComparer.Ordinal);
        var withheld = operation.Fields.Withheld
            .Select(w => new WithheldFieldAccess(w.Coordinate, w.Label, w.Code, w.Reason, w.Rule, counts?.GetValueOrDefault(w.Coordinate) ?? 0))
            .Concat(result is null ? [] : ScopeWithholding.Entries(result.Errors))
            .ToImmutableArray();
        return new RequestAccess(context, withheld);
    }
}
