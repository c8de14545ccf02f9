namespace ChildInfo.SampleData.Generation;

/// <summary>The outcome of a generation run.</summary>
public sealed record GenerationSummary(int Children, int Seed, DateOnly ReferenceDate, TimeSpan Elapsed, IReadOnlyList<AgencySummary> Agencies)
{
    public double Rate => Elapsed.TotalSeconds <= 0 ? 0 : Children / Elapsed.TotalSeconds;
}
