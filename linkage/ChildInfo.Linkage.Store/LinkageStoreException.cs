namespace ChildInfo.Linkage.Store;

/// <summary>The store cannot do what was asked (no child index, a record it cannot index, an unknown pair); nothing was written.</summary>
public sealed class LinkageStoreException : Exception
{
    public LinkageStoreException()
    {
    }

    public LinkageStoreException(string message)
        : base(message)
    {
    }

    public LinkageStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
