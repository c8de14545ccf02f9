using ChildInfo.Federation.Composition.Merging;

namespace ChildInfo.Federation.Composition.Validation;

/// <summary>The post-merge step: every rule over the merged supergraph, in order.</summary>
internal static class PostMergeValidation
{
    private static readonly IPostMergeRule[] Rules =
    [
        new NoQueriesRule(),
        new ReferencedInaccessibleRule(),
        new OnlyInaccessibleChildrenRule(),
    ];

    public static List<CompositionError> Validate(MergedSchema schema) =>
        Rules.SelectMany(rule => rule.Validate(schema)).ToList();
}
