namespace ChildInfo.Analytics.Validation;

/// <summary>
/// The only exception the library throws for a question it will not answer: every problem found (validation collects
/// them all, not just the first), each with a stable code, or the one reason evaluation stopped
/// (<see cref="CohortErrorCodes.TooManyKeys"/>). Messages never contain a count or an id, so the host can show them to
/// the analyst as they are. Nothing is answered from a question that fails.
/// </summary>
public sealed class CohortQuestionException : Exception
{
    public CohortQuestionException() : this([new CohortProblem(CohortErrorCodes.InvalidQuestion, "question", "The question cannot be answered.")]) { }

    public CohortQuestionException(string message) : this([new CohortProblem(CohortErrorCodes.InvalidQuestion, "question", message)]) { }

    public CohortQuestionException(string message, Exception innerException) : base(message, innerException) =>
        Problems = [new CohortProblem(CohortErrorCodes.InvalidQuestion, "question", message)];

    public CohortQuestionException(IReadOnlyList<CohortProblem> problems) : base(Describe(problems)) => Problems = problems;

    /// <summary>Every problem, in the order found (question, condition, dimensions, measure).</summary>
    public IReadOnlyList<CohortProblem> Problems { get; }

    /// <summary>The problems' code when they share one; otherwise <see cref="CohortErrorCodes.InvalidQuestion"/>.</summary>
    public string Code => Problems.Select(p => p.Code).Distinct(StringComparer.Ordinal).Count() == 1 ? Problems[0].Code : CohortErrorCodes.InvalidQuestion;

    private static string Describe(IReadOnlyList<CohortProblem> problems) =>
        problems.Count == 1 ? problems[0].ToString() : "The question has several problems: " + string.Join(" ", problems.Select(p => p.ToString()));
}
