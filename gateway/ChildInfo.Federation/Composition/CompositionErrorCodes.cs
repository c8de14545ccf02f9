namespace ChildInfo.Federation.Composition;

/// <summary>The stable codes of composition errors; Apollo Federation's codes wherever Apollo has an equivalent.</summary>
public static class CompositionErrorCodes
{
    public const string InvalidGraphQL = "INVALID_GRAPHQL";
    public const string UnknownFederationLinkVersion = "UNKNOWN_FEDERATION_LINK_VERSION";
    public const string TypeKindMismatch = "TYPE_KIND_MISMATCH";
    public const string FieldTypeMismatch = "FIELD_TYPE_MISMATCH";
    public const string FieldArgumentTypeMismatch = "FIELD_ARGUMENT_TYPE_MISMATCH";
    public const string ExternalTypeMismatch = "EXTERNAL_TYPE_MISMATCH";
    public const string InvalidFieldSharing = "INVALID_FIELD_SHARING";
    public const string KeyFieldsSelectInvalidType = "KEY_FIELDS_SELECT_INVALID_TYPE";
    public const string KeyInvalidFields = "KEY_INVALID_FIELDS";
    public const string KeyFieldsHasArgs = "KEY_FIELDS_HAS_ARGS";
    public const string ExternalMissingOnBase = "EXTERNAL_MISSING_ON_BASE";
    public const string ExternalUnused = "EXTERNAL_UNUSED";
    public const string RequiresInvalidFields = "REQUIRES_INVALID_FIELDS";
    public const string RequiresFieldsMissingExternal = "REQUIRES_FIELDS_MISSING_EXTERNAL";
    public const string ProvidesInvalidFields = "PROVIDES_INVALID_FIELDS";
    public const string ProvidesFieldsMissingExternal = "PROVIDES_FIELDS_MISSING_EXTERNAL";
    public const string ProvidesOnNonObjectField = "PROVIDES_ON_NON_OBJECT_FIELD";
    public const string OverrideSourceHasOverride = "OVERRIDE_SOURCE_HAS_OVERRIDE";
    public const string OverrideFromSelf = "OVERRIDE_FROM_SELF_ERROR";
    public const string EnumValueMismatch = "ENUM_VALUE_MISMATCH";
    public const string EmptyMergedEnumType = "EMPTY_MERGED_ENUM_TYPE";
    public const string EmptyMergedInputType = "EMPTY_MERGED_INPUT_TYPE";
    public const string RequiredInputFieldMissingInSomeSubgraph = "REQUIRED_INPUT_FIELD_MISSING_IN_SOME_SUBGRAPH";
    public const string RequiredArgumentMissingInSomeSubgraph = "REQUIRED_ARGUMENT_MISSING_IN_SOME_SUBGRAPH";
    public const string ReferencedInaccessible = "REFERENCED_INACCESSIBLE";
    public const string OnlyInaccessibleChildren = "ONLY_INACCESSIBLE_CHILDREN";
    public const string NoQueries = "NO_QUERIES";
    public const string DirectiveCompositionError = "DIRECTIVE_COMPOSITION_ERROR";
    public const string InterfaceObjectUsageError = "INTERFACE_OBJECT_USAGE_ERROR";
    public const string SatisfiabilityError = "SATISFIABILITY_ERROR";

    /// <summary>
    /// A warning, ours (Apollo has none): a field whose value comes from another subgraph than its parent's is
    /// non-null, so one subgraph's outage would null the whole parent.
    /// </summary>
    public const string CrossSubgraphNonNull = "CROSS_SUBGRAPH_NON_NULL";
}
