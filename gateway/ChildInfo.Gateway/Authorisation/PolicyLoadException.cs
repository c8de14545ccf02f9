namespace ChildInfo.Gateway.Authorisation;

/// <summary>The policy set cannot be loaded: the gateway refuses to start. The message names each file, line and problem.</summary>
public sealed class PolicyLoadException : Exception
{
    public PolicyLoadException()
    {
    }

    public PolicyLoadException(string message)
        : base(message)
    {
    }

    public PolicyLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
