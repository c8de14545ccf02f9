namespace ChildInfo.Subgraphs.YouthJustice.Cases;

/// <summary>
/// One case (<c>yj_case</c>): a legal outcome the service works with the child on, with the child's identity as the
/// service recorded it (<c>yj_person</c>).
/// </summary>
public sealed record YouthJusticeCase
{
    public required string CaseId { get; init; }

    /// <summary>The service's own id for the child.</summary>
    public required string PersonId { get; init; }

    /// <summary>The child-index id the service matched the child to when it took them on; null if never matched.</summary>
    public string? ChildIndexId { get; init; }

    public string? Forename { get; init; }
    public string? Surname { get; init; }
    public DateOnly? DateOfBirth { get; init; }
    public string? Sex { get; init; }

    /// <summary>One of <see cref="OutcomeTypes.All"/> (a real system may hold others).</summary>
    public required string OutcomeType { get; init; }

    /// <summary>One of <see cref="OffenceCategories.All"/>.</summary>
    public required string OffenceCategory { get; init; }

    public DateOnly OffenceDate { get; init; }
    public DateOnly OutcomeDate { get; init; }
    public required CaseWorker CaseWorker { get; init; }

    /// <summary>When the latest AssetPlus assessment was completed; null when there is none (often so pre-court).</summary>
    public DateOnly? AssessedOn { get; init; }

    public string? LikelihoodOfReoffending { get; init; }
    public string? RiskOfSeriousHarm { get; init; }
    public string? SafetyAndWellbeing { get; init; }

    /// <summary>OPEN or CLOSED.</summary>
    public required string Status { get; init; }

    public DateOnly? ClosedOn { get; init; }
}
