namespace ChildInfo.Linkage.Linking;

/// <summary>How sure a link must be, and how the model is estimated.</summary>
public sealed record LinkageOptions
{
    /// <summary>Pairs at least this likely to be the same child are linked automatically.</summary>
    public double LinkThreshold { get; init; } = 0.95;

    /// <summary>Pairs at least this likely, but under <see cref="LinkThreshold"/>, go to a person to review.</summary>
    public double ReviewThreshold { get; init; } = 0.50;

    /// <summary>Random pairs drawn to estimate how often fields agree by chance (u).</summary>
    public int RandomPairs { get; init; } = 200_000;

    /// <summary>Seeds the random pairs, so a run on the same records gives the same links.</summary>
    public int Seed { get; init; } = 20_260_501;

    /// <summary>
    /// A block (records sharing one blocking key) of more records than this is left out and counted, not compared
    /// whole: a value many records share by default (a placeholder date of birth, a reception centre's postcode)
    /// would otherwise make pairs grow with the square of the records holding it. Their pairs still meet through
    /// the other rules' keys.
    /// </summary>
    public int MaxBlockSize { get; init; } = 200;

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (LinkThreshold is <= 0 or > 1)
        {
            problems.Add("The link threshold must be a probability above 0 and at most 1.");
        }

        if (ReviewThreshold is <= 0 or > 1 || ReviewThreshold > LinkThreshold)
        {
            problems.Add("The review threshold must be a probability above 0 and no higher than the link threshold.");
        }

        if (RandomPairs < 1_000)
        {
            problems.Add("At least 1,000 random pairs are needed to estimate chance agreement.");
        }

        if (MaxBlockSize < 2)
        {
            problems.Add("A block must be allowed at least 2 records.");
        }

        return problems;
    }
}
