namespace ChildInfo.Disclosure;

/// <summary>
/// The only exception this library throws: the table or the rules are not something it will publish from (negative
/// counts, totals that do not add up, more than two dimensions, too many cells, unusable rules). <see cref="Code"/> is
/// stable (see <see cref="DisclosureErrorCodes"/>) and the message names the problem in plain words without any count,
/// so the host can show both to the analyst; nothing is published from a table that fails.
/// </summary>
public sealed class DisclosureInputException : Exception
{
    public DisclosureInputException() : this(DisclosureErrorCodes.InvalidTable, "The table cannot be published.") { }

    public DisclosureInputException(string message) : this(DisclosureErrorCodes.InvalidTable, message) { }

    public DisclosureInputException(string message, Exception innerException) : base(message, innerException) => Code = DisclosureErrorCodes.InvalidTable;

    public DisclosureInputException(string code, string message) : base(message) => Code = code;

    /// <summary>One of <see cref="DisclosureErrorCodes"/>.</summary>
    public string Code { get; } = DisclosureErrorCodes.InvalidTable;
}
