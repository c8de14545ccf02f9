using ChildInfo.Federation.Composition.Model;

namespace ChildInfo.Federation.Composition.Validation;

/// <summary>The pre-merge step: every rule over the parsed subgraphs, in order.</summary>
internal static class PreMergeValidation
{
    private static readonly IPreMergeRule[] Rules =
    [
        new TypeKindMismatchRule(),
        new FieldTypeMismatchRule(),
        new InvalidFieldSharingRule(),
        new OverrideRule(),
        new EnumValueMismatchRule(),
    ];

    public static List<CompositionError> Validate(IReadOnlyList<ParsedSubgraph> subgraphs) =>
        Rules.SelectMany(rule => rule.Validate(subgraphs)).ToList();
}
