namespace ChildInfo.Federation.Transport;

/// <summary>A subgraph answered, but not with a usable GraphQL response (for example an HTTP 500).</summary>
public sealed class SubgraphRequestException : Exception
{
    public SubgraphRequestException()
    {
    }

    public SubgraphRequestException(string message)
        : base(message)
    {
    }

    public SubgraphRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SubgraphRequestException(string message, int? statusCode)
        : base(message)
    {
        StatusCode = statusCode;
    }

    public int? StatusCode { get; }
}
