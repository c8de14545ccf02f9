namespace ChildInfo.Audit;

/// <summary>
/// The audit record of a request could not be made durable. The gateway must not answer that request with data.
/// Thrown rather than returned so that no caller can forget to look: an unaudited answer fails closed.
/// </summary>
public sealed class AuditWriteException : Exception
{
    public AuditWriteException() : this("The audit record could not be written.") { }

    public AuditWriteException(string message) : base(message) { }

    public AuditWriteException(string message, Exception innerException) : base(message, innerException) { }
}
