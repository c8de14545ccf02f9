namespace ChildInfo.Subgraphs.YouthJustice.Cases;

/// <summary>
/// The practitioner the case is allocated to, and their team. The ids are the user and team ids the gateway signs
/// into a caller's context, so record scope (<c>own_caseload</c>) can be decided here; they are not served.
/// </summary>
public sealed record CaseWorker(string Name, string Team, string? WorkerId = null, string? TeamId = null);
