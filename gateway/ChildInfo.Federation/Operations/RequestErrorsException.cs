using ChildInfo.Federation.Errors;

namespace ChildInfo.Federation.Operations;

/// <summary>Carries several request errors (validation reports all it finds).</summary>
internal sealed class RequestErrorsException : Exception
{
    public RequestErrorsException(IReadOnlyList<GraphQLError> errors)
        : base("The request is not valid.")
    {
        Errors = errors;
    }

    public IReadOnlyList<GraphQLError> Errors { get; }
}
