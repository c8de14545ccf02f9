using ChildInfo.Gateway.Audit;
using ChildInfo.Gateway.Http;

namespace ChildInfo.Gateway.Pipeline;

/// <summary>Writes an answer: the only place a GraphQL request's HTTP response is written.</summary>
public static class AnswerWriter
{
    /// <summary>The answer when the request's audit record could not be made durable: no data, HTTP 503.</summary>
    public static Answer AuditUnavailable { get; } = Answer.RequestError(StatusCodes.Status503ServiceUnavailable,
        "This access could not be recorded in the audit log, so it was not answered. Try again later.", AuditErrorCodes.AuditUnavailable);

    public static void Write(HttpResponse response, Answer answer, ResponseMediaType mediaType)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(answer);
        foreach (var (name, value) in answer.Headers)
        {
            response.Headers[name] = value;
        }

        // A client whose Accept allows neither media type is told so in plain JSON.
        GraphQLResponseWriter.Write(response, answer.Status, mediaType == ResponseMediaType.NotAcceptable ? ResponseMediaType.Json : mediaType, answer.Result);
    }
}
