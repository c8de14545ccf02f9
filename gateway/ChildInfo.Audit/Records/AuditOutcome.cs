namespace ChildInfo.Audit.Records;

/// <summary>How a request ended, as far as the caller is concerned.</summary>
public enum AuditOutcome
{
    /// <summary>Everything asked for was answered.</summary>
    Ok,

    /// <summary>Answered, with some fields withheld or some sources failing.</summary>
    Partial,

    /// <summary>Refused by policy; no information was given.</summary>
    Denied,

    /// <summary>Failed; no information was given.</summary>
    Error,
}
