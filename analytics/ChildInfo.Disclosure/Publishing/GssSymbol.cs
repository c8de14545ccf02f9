namespace ChildInfo.Disclosure.Publishing;

/// <summary>
/// Government Statistical Service symbols shown in place of a number (StatsWales' list; DfE tables use the same).
/// </summary>
public enum GssSymbol
{
    /// <summary><c>c</c>: confidential. Suppressed to protect children, as a small count (primary) or to stop one being worked out (secondary); the two are shown alike on purpose.</summary>
    Confidential,

    /// <summary><c>x</c>: not available. The question asked for no such figure (for example a mean with no measure).</summary>
    NotAvailable,

    /// <summary><c>z</c>: not applicable. No figure can exist (a mean or percentage over no children; the grand total's percentage).</summary>
    NotApplicable,

    /// <summary><c>k</c>: low. A non-zero figure that rounds to zero at the precision shown (less than half the final digit).</summary>
    Low,
}
