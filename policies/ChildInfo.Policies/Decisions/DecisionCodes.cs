namespace ChildInfo.Policies.Decisions;

/// <summary>Stable reason codes of decisions, for GraphQL error <c>extensions.code</c> and the audit. One place.</summary>
public static class DecisionCodes
{
    public const string Allowed = "ALLOWED";
    public const string UnknownRole = "UNKNOWN_ROLE";
    public const string PurposeRequired = "PURPOSE_REQUIRED";
    public const string PurposeNotAllowed = "PURPOSE_NOT_ALLOWED";
    public const string JustificationRequired = "JUSTIFICATION_REQUIRED";
    public const string BreakGlassNotAllowed = "BREAK_GLASS_NOT_ALLOWED";
    public const string UnclassifiedField = "FIELD_UNCLASSIFIED";
    public const string AggregateOnly = "AGGREGATE_ONLY";
    public const string LabelNotVisible = "LABEL_NOT_VISIBLE";
    public const string LabelDenied = "LABEL_DENIED";
    public const string LinkNotAllowed = "LINK_NOT_ALLOWED";
    public const string UnknownLink = "LINK_UNKNOWN";
    public const string RecordingNotAllowed = "RECORDING_NOT_ALLOWED";
    public const string NotAggregate = "NOT_AGGREGATE";
    public const string CountNotAllowed = "COUNT_NOT_ALLOWED";
    public const string CombinationNotAllowed = "COMBINATION_NOT_ALLOWED";
    public const string NotLinkage = "NOT_LINKAGE";
    public const string IdentifyNotAllowed = "IDENTIFY_NOT_ALLOWED";
    public const string PreferenceWithheld = "PREFERENCE_WITHHELD";
    public const string PreferenceOverridden = "PREFERENCE_OVERRIDDEN";
    public const string PreferenceNotApplicable = "PREFERENCE_NOT_APPLICABLE";
}
