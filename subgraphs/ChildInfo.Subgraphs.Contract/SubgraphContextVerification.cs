namespace ChildInfo.Subgraphs.Contract;

/// <summary>The outcome of checking a <c>ChildInfo-Context</c> token: the context, or why it was refused.</summary>
public sealed record SubgraphContextVerification(SubgraphContext? Context, string? Failure)
{
    public bool IsValid => Context is not null;

    public static SubgraphContextVerification Accepted(SubgraphContext context) => new(context, null);

    public static SubgraphContextVerification Refused(string failure) => new(null, failure);
}
