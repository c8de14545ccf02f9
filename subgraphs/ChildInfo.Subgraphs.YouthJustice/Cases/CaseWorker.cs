namespace ChildInfo.Subgraphs.YouthJustice.Cases;

/// <summary>The practitioner the case is allocated to, and their team.</summary>
public sealed record CaseWorker(string Name, string Team);
