namespace ChildInfo.Federation.Transport;

/// <summary>
/// A subgraph was not called because calls to it are failing fast for now (its circuit breaker is open). The
/// executor reports it as <c>SUBGRAPH_UNAVAILABLE</c> at the paths the call would have filled.
/// </summary>
public sealed class SubgraphUnavailableException : Exception
{
    public SubgraphUnavailableException()
    {
    }

    public SubgraphUnavailableException(string message)
        : base(message)
    {
    }

    public SubgraphUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
