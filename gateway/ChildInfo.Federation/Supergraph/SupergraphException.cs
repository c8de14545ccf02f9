namespace ChildInfo.Federation.Supergraph;

/// <summary>The supergraph SDL could not be loaded: it does not parse or is not a federation 2 supergraph.</summary>
public sealed class SupergraphException : Exception
{
    public SupergraphException()
    {
    }

    public SupergraphException(string message)
        : base(message)
    {
    }

    public SupergraphException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
