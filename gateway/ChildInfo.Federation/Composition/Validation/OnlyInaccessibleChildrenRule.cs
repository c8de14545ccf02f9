using ChildInfo.Federation.Composition.Merging;
using ChildInfo.Federation.Supergraph;

namespace ChildInfo.Federation.Composition.Validation;

/// <summary>ONLY_INACCESSIBLE_CHILDREN: a type in the API schema whose fields (or enum values) are all <c>@inaccessible</c>.</summary>
internal sealed class OnlyInaccessibleChildrenRule : IPostMergeRule
{
    public IEnumerable<CompositionError> Validate(MergedSchema schema)
    {
        foreach (var type in schema.Types.Values.Where(t => !t.Inaccessible))
        {
            var children = type.Kind == SupergraphTypeKind.Enum
                ? type.Values.Select(v => v.Inaccessible).ToList()
                : type.Fields.Select(f => f.Inaccessible).ToList();
            if (children.Count > 0 && children.All(hidden => hidden))
            {
                var what = type.Kind == SupergraphTypeKind.Enum ? "values" : "fields";
                yield return new CompositionError(
                    CompositionErrorCodes.OnlyInaccessibleChildren,
                    $"Type \"{type.Name}\" is in the API schema but all of its {what} are @inaccessible.",
                    null,
                    type.Name);
            }
        }
    }
}
