namespace ChildInfo.Gateway.Analytics;

/// <summary>
/// An agency or the child index could not give its part of an aggregate question. The whole question fails: a count
/// missing one agency's part would be a wrong count, not a partial one.
/// </summary>
public sealed class CohortSourceException : Exception
{
    /// <summary>The subgraph did not answer, answered too late, or answered something unreadable.</summary>
    public const string NotAnswering = "COHORT_AGENCY_NOT_ANSWERING";

    /// <summary>The subgraph refused its part and gave no code of its own.</summary>
    public const string Refused = "COHORT_AGENCY_REFUSED";

    /// <summary>No subgraph offers what the question needs (the child index's cohort fields, for one).</summary>
    public const string NotOffered = "COHORT_NOT_OFFERED";

    public CohortSourceException() : this("unknown", NotAnswering, "A service did not answer its part of the question.") { }

    public CohortSourceException(string message) : this("unknown", NotAnswering, message) { }

    public CohortSourceException(string message, Exception innerException) : base(message, innerException) => (Subgraph, Code) = ("unknown", NotAnswering);

    public CohortSourceException(string subgraph, string code, string message) : base(message) => (Subgraph, Code) = (subgraph, code);

    /// <summary>The subgraph by the name the gateway knows it by.</summary>
    public string Subgraph { get; }

    /// <summary>A stable code for <c>extensions.code</c>: the subgraph's own, or one of this type's.</summary>
    public string Code { get; }
}
