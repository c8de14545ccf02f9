using ChildInfo.Federation.Composition.Model;
using ChildInfo.Federation.Composition.Validation.FieldSets;

namespace ChildInfo.Federation.Composition.Validation;

/// <summary>
/// The pre-merge step, in two stages as Apollo runs them: first each subgraph on its own (known types, field sets,
/// <c>@external</c> use), and only when every subgraph is valid, the rules comparing subgraphs with each other.
/// </summary>
internal static class PreMergeValidation
{
    private static readonly IPreMergeRule[] SubgraphRules =
    [
        new KnownTypeNamesRule(),
        new KeyInvalidFieldsRule(),
        new KeyFieldsHasArgsRule(),
        new KeyFieldsSelectInvalidTypeRule(),
        new RequiresInvalidFieldsRule(),
        new ProvidesInvalidFieldsRule(),
        new RequiresFieldsMissingExternalRule(),
        new ProvidesFieldsMissingExternalRule(),
        new ProvidesOnNonObjectFieldRule(),
        new ExternalUnusedRule(),
    ];

    private static readonly IPreMergeRule[] CrossSubgraphRules =
    [
        new TypeKindMismatchRule(),
        new FieldTypeMismatchRule(),
        new ExternalTypeMismatchRule(),
        new ExternalMissingOnBaseRule(),
        new InvalidFieldSharingRule(),
        new OverrideRule(),
        new EnumValueMismatchRule(),
        new RequiredInputFieldMissingRule(),
        new EmptyMergedInputTypeRule(),
    ];

    public static List<CompositionError> Validate(IReadOnlyList<ParsedSubgraph> subgraphs)
    {
        var errors = SubgraphRules.SelectMany(rule => rule.Validate(subgraphs)).ToList();
        return errors.Count > 0 ? errors : CrossSubgraphRules.SelectMany(rule => rule.Validate(subgraphs)).ToList();
    }
}
