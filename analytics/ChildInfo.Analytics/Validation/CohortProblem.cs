namespace ChildInfo.Analytics.Validation;

/// <summary>
/// One problem with a question: a stable <see cref="Code"/> (<see cref="CohortErrorCodes"/>), where in the question it
/// is (<c>condition.all[1].not</c>, <c>dimensions[0]</c>, <c>measure</c>, <c>as_at</c>) and a plain message. Neither
/// ever holds a count or an id; names are the analyst's own, quoted.
/// </summary>
public sealed record CohortProblem(string Code, string Where, string Message)
{
    public override string ToString() => $"{Where}: {Message}";
}
