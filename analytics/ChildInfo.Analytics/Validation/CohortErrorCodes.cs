namespace ChildInfo.Analytics.Validation;

/// <summary>Stable codes of <see cref="CohortQuestionException"/>'s problems, in one place so hosts and tests can rely on them.</summary>
public static class CohortErrorCodes
{
    /// <summary>Several problems with different codes (each problem keeps its own).</summary>
    public const string InvalidQuestion = "COHORT_INVALID_QUESTION";

    /// <summary>A part of the question is missing (a null condition, dimension, name or measure).</summary>
    public const string Malformed = "COHORT_MALFORMED";

    public const string UnknownAgency = "COHORT_UNKNOWN_AGENCY";
    public const string UnknownFact = "COHORT_UNKNOWN_FACT";
    public const string UnknownDimension = "COHORT_UNKNOWN_DIMENSION";
    public const string UnknownValue = "COHORT_UNKNOWN_VALUE";

    /// <summary>A fact used as something it is not (a measure fact as a condition, a condition as a dimension…).</summary>
    public const string WrongFactKind = "COHORT_WRONG_FACT_KIND";

    public const string MissingWindow = "COHORT_MISSING_WINDOW";
    public const string ExtraWindow = "COHORT_EXTRA_WINDOW";
    public const string InvertedWindow = "COHORT_INVERTED_WINDOW";

    /// <summary>An as-at date not on the 1st of a month, or a during window not from a 1st to a month's last day.</summary>
    public const string UnalignedWindow = "COHORT_UNALIGNED_WINDOW";

    public const string WindowTooLong = "COHORT_WINDOW_TOO_LONG";

    /// <summary>An all or any with nothing in it.</summary>
    public const string EmptyCondition = "COHORT_EMPTY_CONDITION";

    public const string TooDeep = "COHORT_TOO_DEEP";
    public const string TooManyFacts = "COHORT_TOO_MANY_FACTS";
    public const string TooManyDimensions = "COHORT_TOO_MANY_DIMENSIONS";
    public const string DuplicateDimension = "COHORT_DUPLICATE_DIMENSION";

    /// <summary>A dimension the catalogue lists no values for: its groups would depend on the data, so it cannot be used.</summary>
    public const string DimensionWithoutValues = "COHORT_DIMENSION_WITHOUT_VALUES";

    /// <summary>The dimensions' groups multiply to more cells than a table may have.</summary>
    public const string TooManyCells = "COHORT_TOO_MANY_CELLS";

    /// <summary>The agencies' member lists are larger than the configured bound: the question was refused part-way, nothing was answered.</summary>
    public const string TooManyKeys = "COHORT_TOO_MANY_KEYS";
}
