namespace ChildInfo.SampleData.Generation;

/// <summary>Generation was refused: bad options or a target that must not be overwritten. The message says why.</summary>
public sealed class SampleDataException : Exception
{
    public SampleDataException(string message)
        : base(message)
    {
    }

    public SampleDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SampleDataException()
    {
    }
}
