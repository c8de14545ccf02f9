namespace ChildInfo.SampleData.Generation;

/// <summary>How far a generation run has got: children written to every agency so far.</summary>
public sealed record GenerationProgress(int ChildrenWritten, int TotalChildren, TimeSpan Elapsed)
{
    public double Fraction => TotalChildren == 0 ? 1 : (double)ChildrenWritten / TotalChildren;

    /// <summary>Children per second so far.</summary>
    public double Rate => Elapsed.TotalSeconds <= 0 ? 0 : ChildrenWritten / Elapsed.TotalSeconds;
}
