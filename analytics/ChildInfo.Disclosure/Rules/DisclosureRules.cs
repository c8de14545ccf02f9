namespace ChildInfo.Disclosure.Rules;

/// <summary>
/// One set of disclosure control rules, bound from configuration per purpose. The defaults are the gateway default of
/// DATA-STANDARDS §5: suppress 1–5 (under 10 when two or more agencies are linked), secondary suppression, totals
/// rounded to 10, no statistic on a base under 10, GSS symbols.
/// </summary>
public sealed record DisclosureRules
{
    /// <summary>DfE children in need and looked-after statistics: counts of 1–5 are shown as <c>c</c>.</summary>
    public const int GatewaySuppressUpTo = 5;

    /// <summary>Trusted research environments (UK LLC, ONS LS): the "10 threshold rule", so under 10 is suppressed.</summary>
    public const int GatewayLinkedSuppressUpTo = 9;

    /// <summary>DfE national and regional totals are rounded to the nearest 10.</summary>
    public const int GatewayTotalRoundingBase = 10;

    /// <summary>Step of the cell perturbation: published cells are multiples of 5 (see <see cref="Perturbation.PerturbationTable"/>).</summary>
    public const int GatewayCellRoundingBase = 5;

    /// <summary>UK LLC: means (and here medians and percentages) only when the base is at least 10.</summary>
    public const int GatewayMinimumStatisticBase = 10;

    /// <summary>Counts from 1 to this are suppressed (primary suppression); 0 turns primary suppression off.</summary>
    public int SuppressUpTo { get; init; } = GatewaySuppressUpTo;

    /// <summary>The same, for outputs that link two or more agencies' data (and for research outputs, by configuration).</summary>
    public int LinkedSuppressUpTo { get; init; } = GatewayLinkedSuppressUpTo;

    /// <summary>Totals (row, column, grand) are published as their perturbed figure rounded to a multiple of this; 1 leaves them as perturbed.</summary>
    public int TotalRoundingBase { get; init; } = GatewayTotalRoundingBase;

    /// <summary>Cells are published as multiples of this, the direction chosen by the cell key at the midpoint; 1 publishes them exact.</summary>
    public int CellRoundingBase { get; init; } = GatewayCellRoundingBase;

    /// <summary>No mean, median or percentage is published on fewer children than this.</summary>
    public int MinimumStatisticBase { get; init; } = GatewayMinimumStatisticBase;

    /// <summary>Decimal places of published means, medians and percentages.</summary>
    public int StatisticDecimals { get; init; } = 1;

    /// <summary>The documented default.</summary>
    public static DisclosureRules GatewayDefault { get; } = new();

    /// <summary>The primary suppression threshold for a table linking this many agencies.</summary>
    public int SuppressUpToFor(int linkedAgencies) => linkedAgencies >= 2 ? LinkedSuppressUpTo : SuppressUpTo;

    /// <summary>Problems with these rules, in plain words; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (SuppressUpTo < 0)
        {
            errors.Add("SuppressUpTo cannot be negative.");
        }

        if (LinkedSuppressUpTo < SuppressUpTo)
        {
            errors.Add("LinkedSuppressUpTo must be at least SuppressUpTo: linking agencies never loosens protection.");
        }

        if (TotalRoundingBase is < 1 or > 1000)
        {
            errors.Add("TotalRoundingBase must be between 1 and 1000.");
        }

        if (CellRoundingBase is < 1 or > 1000)
        {
            errors.Add("CellRoundingBase must be between 1 and 1000.");
        }

        if (MinimumStatisticBase < 1)
        {
            errors.Add("MinimumStatisticBase must be at least 1.");
        }

        if (StatisticDecimals is < 0 or > 4)
        {
            errors.Add("StatisticDecimals must be between 0 and 4.");
        }

        return errors;
    }
}
