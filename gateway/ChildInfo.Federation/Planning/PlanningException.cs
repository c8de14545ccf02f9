using ChildInfo.Federation.Errors;

namespace ChildInfo.Federation.Planning;

/// <summary>The operation cannot be planned against the supergraph, or planning exceeded its bound.</summary>
public sealed class PlanningException : Exception
{
    public PlanningException()
        : this("The operation could not be planned.")
    {
    }

    public PlanningException(string message)
        : base(message)
    {
        Code = ErrorCodes.PlanningFailed;
    }

    public PlanningException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = ErrorCodes.PlanningFailed;
    }

    public PlanningException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public string Code { get; }
}
