using ChildInfo.Federation.Errors;

namespace ChildInfo.Gateway.Authorisation;

/// <summary>What the authoriser decided for one operation.</summary>
/// <param name="Allowed">False refuses the whole operation with <paramref name="Errors"/>.</param>
/// <param name="MayShowPlan">Whether the caller may see the query plan (the <c>ChildInfo-Debug-Plan</c> header).</param>
/// <param name="Errors">Why it was refused; empty when allowed.</param>
public sealed record AuthorisationDecision(bool Allowed, bool MayShowPlan, IReadOnlyList<GraphQLError> Errors)
{
    public static AuthorisationDecision Allow(bool mayShowPlan) => new(true, mayShowPlan, []);

    public static AuthorisationDecision Deny(params GraphQLError[] errors) => new(false, false, errors);
}
