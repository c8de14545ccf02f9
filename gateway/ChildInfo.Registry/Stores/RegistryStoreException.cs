namespace ChildInfo.Registry;

/// <summary>
/// The registry store cannot be reached, or holds something that is not a registry. Never answered by treating the
/// registry as empty: that would unregister every subgraph.
/// </summary>
public sealed class RegistryStoreException : Exception
{
    public RegistryStoreException()
        : base("The subgraph registry store failed.")
    {
    }

    public RegistryStoreException(string message)
        : base(message)
    {
    }

    public RegistryStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
