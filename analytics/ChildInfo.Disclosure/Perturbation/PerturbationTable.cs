using ChildInfo.Disclosure.Keys;

namespace ChildInfo.Disclosure.Perturbation;

/// <summary>
/// ONS-style perturbation table: the published value of a cell is looked up by (cell value, cell key), so the same
/// children always give the same answer, however the question is sliced, and repeating a question cannot average the
/// protection away. Rows repeat with the value modulo <see cref="Period"/>; each row maps ranges of the cell key to an
/// adjustment. Zero is never perturbed: a true zero is published as 0.
/// </summary>
public sealed class PerturbationTable
{
    private readonly KeyRange[][] _rowsByResidue;

    private PerturbationTable(KeyRange[][] rowsByResidue) => _rowsByResidue = rowsByResidue;

    /// <summary>Values whose residues share a row.</summary>
    public int Period => _rowsByResidue.Length;

    /// <summary>
    /// The gateway's table: rounding to a multiple of <paramref name="base"/>, to the nearest multiple except at the
    /// midpoint residue (⌊base/2⌋), which goes up for half of the cell keys and down for the other half.
    /// <para>Why rounding rather than small noise around the true value: when an analyst compares two cohorts that differ
    /// by one child, every other cell is identical (same children, same key), so only the child's own cell can move.
    /// With small noise it moves almost always and names the child's category; here it moves only when the count crosses
    /// a midpoint (one time in <paramref name="base"/> on average, at most one in two for an attacker who knows the
    /// residue), and the keyed midpoint stops an attacker placing a cohort on a known boundary.</para>
    /// </summary>
    public static PerturbationTable KeyedRounding(int @base)
    {
        if (@base < 1)
        {
            throw new DisclosureInputException(DisclosureErrorCodes.InvalidRules, "A rounding base must be at least 1.");
        }

        var midpoint = @base / 2;
        var rows = new KeyRange[@base][];
        for (var residue = 0; residue < @base; residue++)
        {
            rows[residue] = residue == 0 ? [new KeyRange(CellKey.Range, 0)]
                : residue < midpoint ? [new KeyRange(CellKey.Range, -residue)]
                : residue > midpoint ? [new KeyRange(CellKey.Range, @base - residue)]
                : [new KeyRange(CellKey.Range / 2, @base - residue), new KeyRange(CellKey.Range, -residue)];
        }
        return new PerturbationTable(rows);
    }

    /// <summary>The published value of a cell with this exact value and cell key.</summary>
    public long Publish(long value, int cellKey)
    {
        if (value <= 0)
        {
            return value;
        }

        foreach (var range in _rowsByResidue[value % Period])
        {
            if (cellKey < range.KeyBelow)
            {
                return value + range.Adjustment;
            }
        }
        throw new DisclosureInputException(DisclosureErrorCodes.InvalidCellKey, $"Cell keys lie in 0..{CellKey.Range - 1}.");
    }

    /// <summary>Keys below <see cref="KeyBelow"/> (and at or above the previous range's) get <see cref="Adjustment"/>.</summary>
    private readonly record struct KeyRange(int KeyBelow, int Adjustment);
}
