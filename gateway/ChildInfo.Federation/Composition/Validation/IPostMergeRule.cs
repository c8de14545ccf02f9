using ChildInfo.Federation.Composition.Merging;

namespace ChildInfo.Federation.Composition.Validation;

/// <summary>A post-merge rule: checks the merged supergraph and returns what is wrong.</summary>
internal interface IPostMergeRule
{
    IEnumerable<CompositionError> Validate(MergedSchema schema);
}
