using GraphQL;

namespace ChildInfo.Subgraphs.Kit.Linkage;

/// <summary>The errors <c>_linkageRecords</c> answers with (<c>extensions.code</c>): stable codes, nothing about any child.</summary>
public static class LinkageErrors
{
    /// <summary>The signed context is not for record linkage, or does not carry this agency's identifying label.</summary>
    public const string NotAllowedCode = "LINKAGE_NOT_ALLOWED";

    /// <summary>A page size out of range.</summary>
    public const string BadPageCode = "LINKAGE_BAD_PAGE";

    /// <summary>The agency serves no records for linkage.</summary>
    public const string NotOfferedCode = "LINKAGE_NOT_OFFERED";

    public static ExecutionError NotAllowed() => new(
        $"The request context does not allow reading identities for linkage: _linkageRecords is served only for purpose {LinkageAccess.Purpose} whose context carries this agency's label with the identify: prefix.")
    { Code = NotAllowedCode };

    public static ExecutionError BadPage(int max) => new($"first must be between 1 and {max:N0}.") { Code = BadPageCode };

    public static ExecutionError NotOffered() => new("This agency serves no records for linkage.") { Code = NotOfferedCode };
}
