namespace ChildInfo.Gateway.Cli;

/// <summary>The command line is wrong: the message says how, and the process exits with code 2.</summary>
public sealed class CommandLineException : Exception
{
    public CommandLineException()
    {
    }

    public CommandLineException(string message)
        : base(message)
    {
    }

    public CommandLineException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
