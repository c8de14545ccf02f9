using ChildInfo.SampleData.Population;
using ChildInfo.SampleData.Reference;

namespace ChildInfo.SampleData.Writers;

/// <summary>What every agency writer shares during one generation run.</summary>
public sealed class GenerationContext
{
    public GenerationContext(int seed, DateOnly referenceDate, ReferenceData reference)
    {
        Seed = seed;
        ReferenceDate = referenceDate;
        Reference = reference;
    }

    public int Seed { get; }

    /// <summary>"Today" for the synthetic world (a census day); never the machine's clock.</summary>
    public DateOnly ReferenceDate { get; }

    public ReferenceData Reference { get; }

    /// <summary>A random source for one child in one agency, independent of chunking and of other agencies.</summary>
    public Random RandomFor(SyntheticChild child, string agency)
    {
        ArgumentNullException.ThrowIfNull(child);
        // Not HashCode.Combine: it is seeded per process, and the data must be the same on every run.
        unchecked
        {
            return new Random((((Seed * 397) ^ child.Sequence) * 397) ^ StableHash(agency));
        }
    }

    /// <summary>A hash of a string that is the same in every process (string.GetHashCode is randomised).</summary>
    public static int StableHash(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 16777619;
            }

            return hash;
        }
    }
}
