namespace ChildInfo.Policies.Loading;

/// <summary>Stable codes for policy loading errors: one place, never reused for another meaning.</summary>
public static class PolicyErrorCodes
{
    public const string MalformedYaml = "POLICY_MALFORMED_YAML";
    public const string UnexpectedShape = "POLICY_UNEXPECTED_SHAPE";
    public const string UnknownKey = "POLICY_UNKNOWN_KEY";
    public const string MissingValue = "POLICY_MISSING_VALUE";
    public const string InvalidValue = "POLICY_INVALID_VALUE";
    public const string Duplicate = "POLICY_DUPLICATE";
    public const string UnknownLabel = "POLICY_UNKNOWN_LABEL";
    public const string UnknownRole = "POLICY_UNKNOWN_ROLE";
    public const string UnknownPurpose = "POLICY_UNKNOWN_PURPOSE";
    public const string UnknownAgency = "POLICY_UNKNOWN_AGENCY";
    public const string UnknownField = "POLICY_UNKNOWN_FIELD";
    public const string UnknownLink = "POLICY_UNKNOWN_LINK";
    public const string UnknownPreferenceCode = "POLICY_UNKNOWN_PREFERENCE_CODE";
    public const string UnknownPreferenceCategory = "POLICY_UNKNOWN_PREFERENCE_CATEGORY";
    public const string PurposeNotAllowedForRole = "POLICY_PURPOSE_NOT_ALLOWED_FOR_ROLE";
    public const string MissingRule = "POLICY_MISSING_RULE";
    public const string LabelVisibleAndDenied = "POLICY_LABEL_VISIBLE_AND_DENIED";
    public const string AggregateOnlyRowLevel = "POLICY_AGGREGATE_ONLY_ROW_LEVEL";
    public const string AggregateOnlyLink = "POLICY_AGGREGATE_ONLY_LINK";
    public const string BreakGlassWithoutJustification = "POLICY_BREAK_GLASS_WITHOUT_JUSTIFICATION";
    public const string OverrideNotPermitted = "POLICY_OVERRIDE_NOT_PERMITTED";
    public const string RecordsNotVisible = "POLICY_RECORDS_NOT_VISIBLE";
    public const string CountsNotAggregate = "POLICY_COUNTS_NOT_AGGREGATE";
    public const string IdentifyNotLinkage = "POLICY_IDENTIFY_NOT_LINKAGE";
    public const string LinkageOnlyAccess = "POLICY_LINKAGE_ONLY_ACCESS";
    public const string RecordsWithoutRelationship = "POLICY_RECORDS_WITHOUT_RELATIONSHIP";
    public const string UnclassifiedField = "POLICY_UNCLASSIFIED_FIELD";
    public const string NoPolicyFiles = "POLICY_NO_FILES";
    public const string MissingSection = "POLICY_MISSING_SECTION";
    public const string SectionNotAllowed = "POLICY_SECTION_NOT_ALLOWED";
}
