namespace ChildInfo.Subgraphs.EarlyYears.HealthVisiting;

/// <summary>One ASQ-3 domain's score and the zone recorded for it.</summary>
public sealed record Asq3DomainResult(string Domain, int? Score, string? Zone);
