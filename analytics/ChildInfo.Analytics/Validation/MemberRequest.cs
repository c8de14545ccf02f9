using ChildInfo.Analytics.Questions;

namespace ChildInfo.Analytics.Validation;

/// <summary>
/// One call for an agency's members: a question asking for the same fact twice fetches it once. A missing window is
/// the empty one (only valid for timeless facts), so a request and its lookup always agree.
/// </summary>
internal sealed record MemberRequest
{
    public MemberRequest(string agency, string fact, string? value, CohortWindow? window) =>
        (Agency, Fact, Value, Window) = (agency, fact, value, window ?? CohortWindow.None);

    public string Agency { get; }

    public string Fact { get; }

    public string? Value { get; }

    public CohortWindow Window { get; }

    public static MemberRequest Of(FactCondition fact) => new(fact.Agency, fact.Fact, fact.Value, fact.Window);
}
