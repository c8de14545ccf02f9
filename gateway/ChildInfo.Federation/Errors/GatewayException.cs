namespace ChildInfo.Federation.Errors;

/// <summary>A request-level failure (parse, validation, planning) with its stable error code.</summary>
public sealed class GatewayException : Exception
{
    public GatewayException()
        : this(ErrorCodes.InternalError, "Gateway error.")
    {
    }

    public GatewayException(string message)
        : this(ErrorCodes.InternalError, message)
    {
    }

    public GatewayException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = ErrorCodes.InternalError;
    }

    public GatewayException(string code, string message, IReadOnlyList<ErrorLocation>? locations = null)
        : base(message)
    {
        Code = code;
        Locations = locations;
    }

    public string Code { get; }

    public IReadOnlyList<ErrorLocation>? Locations { get; }
}
