namespace ChildInfo.Gateway.Linkage;

/// <summary>
/// The run stopped before writing anything: an agency did not answer or refused, gave data that is not what the
/// linkage fields promise, or the policy does not allow reading it. A partial run would drop the links of the
/// agencies it missed, so there is none.
/// </summary>
public sealed class LinkageJobException : Exception
{
    /// <summary>An agency did not answer, answered too late, or answered something unreadable.</summary>
    public const string NotAnswering = "LINKAGE_AGENCY_NOT_ANSWERING";

    /// <summary>An agency refused and gave no code of its own.</summary>
    public const string Refused = "LINKAGE_AGENCY_REFUSED";

    /// <summary>An agency's records are not what the linkage fields promise (a missing key, a malformed date...).</summary>
    public const string Malformed = "LINKAGE_MALFORMED_RECORD";

    /// <summary>No agency offers records for linkage.</summary>
    public const string NothingOffered = "LINKAGE_NOTHING_OFFERED";

    /// <summary>The store could not take the run (no child index, a child without a date of birth...).</summary>
    public const string StoreRefused = "LINKAGE_STORE_REFUSED";

    /// <summary>The agency holds no record under the local id given.</summary>
    public const string RecordNotFound = "LINKAGE_RECORD_NOT_FOUND";

    public LinkageJobException() : this("unknown", NotAnswering, "An agency did not answer.") { }

    public LinkageJobException(string message) : this("unknown", NotAnswering, message) { }

    public LinkageJobException(string message, Exception innerException) : base(message, innerException) => (Agency, Code) = ("unknown", NotAnswering);

    public LinkageJobException(string agency, string code, string message) : base(message) => (Agency, Code) = (agency, code);

    /// <summary>The agency by the name the gateway knows it by.</summary>
    public string Agency { get; }

    /// <summary>A stable code for the answer.</summary>
    public string Code { get; }
}
