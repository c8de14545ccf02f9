namespace ChildInfo.Gateway.Demo;

/// <summary>The demo's first linkage run was refused or failed (<see cref="Code"/> is the gateway's, as <c>link run</c> prints it).</summary>
public sealed class DemoLinkageException : Exception
{
    public DemoLinkageException() : this("LINKAGE_FAILED", "The linkage run failed.") { }

    public DemoLinkageException(string message) : this("LINKAGE_FAILED", message) { }

    public DemoLinkageException(string message, Exception innerException) : base(message, innerException) => Code = "LINKAGE_FAILED";

    public DemoLinkageException(string code, string message) : base(message) => Code = code;

    /// <summary>A stable code for what went wrong.</summary>
    public string Code { get; }
}
