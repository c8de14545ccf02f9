namespace ChildInfo.Gateway.Audit;

/// <summary>The child index could not say whose records an audited request reached (<see cref="ChildRecordLinks"/>).</summary>
public sealed class ChildRecordLinksException : Exception
{
    public ChildRecordLinksException()
    {
    }

    public ChildRecordLinksException(string message)
        : base(message)
    {
    }

    public ChildRecordLinksException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
