namespace ChildInfo.Gateway.Diagnostics;

/// <summary>How a GraphQL request ended, as metrics count it: a closed set.</summary>
public static class RequestOutcomes
{
    /// <summary>Answered in full.</summary>
    public const string Ok = "ok";

    /// <summary>Answered with errors or withheld fields beside the data.</summary>
    public const string Partial = "partial";

    /// <summary>Not answered: the caller could not be identified, or may not do this (HTTP 401, 403).</summary>
    public const string Denied = "denied";

    /// <summary>Not answered: over the caller's rate limit (HTTP 429).</summary>
    public const string RateLimited = "rate_limited";

    /// <summary>Not answered: the request was not acceptable (unreadable, invalid, too costly).</summary>
    public const string Rejected = "rejected";

    /// <summary>Not answered: the gateway failed, or the access could not be audited (HTTP 5xx).</summary>
    public const string Error = "error";

    public static string Of(int status, bool hasErrors, int withheld) => status switch
    {
        >= 500 => Error,
        401 or 403 => Denied,
        429 => RateLimited,
        >= 400 => Rejected,
        _ when hasErrors || withheld > 0 => Partial,
        _ => Ok,
    };
}
