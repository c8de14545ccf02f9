namespace ChildInfo.Gateway.Registry;

/// <summary>A subgraph's SDL could not be fetched; the message names the URL and why.</summary>
public sealed class SubgraphSdlException : Exception
{
    public SubgraphSdlException()
    {
    }

    public SubgraphSdlException(string message)
        : base(message)
    {
    }

    public SubgraphSdlException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
