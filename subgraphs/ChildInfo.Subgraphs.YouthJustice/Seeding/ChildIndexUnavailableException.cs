namespace ChildInfo.Subgraphs.YouthJustice.Seeding;

/// <summary>The child-index database the seed reads is missing or unreadable; the message says how to fix it.</summary>
public sealed class ChildIndexUnavailableException : InvalidOperationException
{
    public ChildIndexUnavailableException()
    {
    }

    public ChildIndexUnavailableException(string message)
        : base(message)
    {
    }

    public ChildIndexUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
