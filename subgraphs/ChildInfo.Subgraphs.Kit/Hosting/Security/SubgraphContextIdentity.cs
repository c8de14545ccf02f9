using System.Security.Claims;
using ChildInfo.Subgraphs.Contract;

namespace ChildInfo.Subgraphs.Kit.Hosting.Security;

/// <summary>
/// The verified request context as the call's identity: the guard sets it as <c>HttpContext.User</c>, so resolvers
/// read it from <c>IResolveFieldContext.User</c> (see <c>CallerScope.From</c>).
/// </summary>
public sealed class SubgraphContextIdentity : ClaimsIdentity
{
    public const string AuthenticationKind = "ChildInfo-Context";

    public SubgraphContextIdentity(SubgraphContext context)
        : base([new Claim("sub", context?.User ?? ""), new Claim("role", context?.Role ?? "")], AuthenticationKind, "sub", "role")
    {
        ArgumentNullException.ThrowIfNull(context);
        Context = context;
    }

    public SubgraphContext Context { get; }

    /// <summary>The verified context of a call, if the guard verified one.</summary>
    public static SubgraphContext? Find(ClaimsPrincipal? principal) =>
        principal?.Identities.OfType<SubgraphContextIdentity>().FirstOrDefault()?.Context;
}
