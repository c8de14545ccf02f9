namespace ChildInfo.Gateway.Cli;

/// <summary>The settings <c>childinfo serve</c> was given cannot be used: each problem names its setting.</summary>
public sealed class ServeConfigurationException : Exception
{
    public ServeConfigurationException()
        : this([])
    {
    }

    public ServeConfigurationException(string message)
        : this([message])
    {
    }

    public ServeConfigurationException(string message, Exception innerException)
        : base(message, innerException) => Problems = [message];

    public ServeConfigurationException(IReadOnlyList<string> problems)
        : base(string.Join(" ", problems)) => Problems = problems;

    public IReadOnlyList<string> Problems { get; }
}
