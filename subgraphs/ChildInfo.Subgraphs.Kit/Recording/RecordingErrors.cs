using GraphQL;

namespace ChildInfo.Subgraphs.Kit.Recording;

/// <summary>
/// The errors a recording answers with: stable codes, messages that say what to change, and never a stack trace or
/// anything about a child outside the caller's scope.
/// </summary>
public static class RecordingErrors
{
    /// <summary>The input breaks a rule (too long, empty, an unknown code); <c>extensions.field</c> names the input field.</summary>
    public const string InvalidCode = "INVALID_RECORDING";

    /// <summary>The call carries no verified context, so there is nobody to record it as.</summary>
    public const string NoContextCode = "RECORDING_NEEDS_CONTEXT";

    /// <summary>The context's scope gives no relationship with any one child (everyone, break-glass).</summary>
    public const string NoRelationshipCode = "RECORDING_NEEDS_RELATIONSHIP";

    public static ExecutionError Invalid(string field, string message)
    {
        var error = new ExecutionError(message) { Code = InvalidCode };
        error.Extensions ??= new Dictionary<string, object?>(StringComparer.Ordinal);
        error.Extensions["field"] = field;
        return error;
    }

    public static ExecutionError NoContext() => new(
        "Nothing is recorded on a child's behalf without a signed request context naming who records it: send it through the gateway.") { Code = NoContextCode };

    public static ExecutionError NoRelationship(string scope) => new(
        $"Recording on a child's behalf needs a relationship with the child; the caller's scope ({scope}) gives none.") { Code = NoRelationshipCode };
}
