namespace ChildInfo.Disclosure;

/// <summary>Stable codes of <see cref="DisclosureInputException"/>, in one place so hosts and tests can rely on them.</summary>
public static class DisclosureErrorCodes
{
    public const string InvalidTable = "DISCLOSURE_INVALID_TABLE";
    public const string NoDimensions = "DISCLOSURE_NO_DIMENSIONS";
    public const string TooManyDimensions = "DISCLOSURE_TOO_MANY_DIMENSIONS";
    public const string TooManyCells = "DISCLOSURE_TOO_MANY_CELLS";
    public const string ShapeMismatch = "DISCLOSURE_SHAPE_MISMATCH";
    public const string UnknownCategory = "DISCLOSURE_UNKNOWN_CATEGORY";
    public const string NegativeCount = "DISCLOSURE_NEGATIVE_COUNT";
    public const string CountTooLarge = "DISCLOSURE_COUNT_TOO_LARGE";
    public const string InconsistentTotal = "DISCLOSURE_INCONSISTENT_TOTAL";
    public const string InvalidCellKey = "DISCLOSURE_INVALID_CELL_KEY";
    public const string InvalidMeasure = "DISCLOSURE_INVALID_MEASURE";
    public const string InvalidRules = "DISCLOSURE_INVALID_RULES";
}
