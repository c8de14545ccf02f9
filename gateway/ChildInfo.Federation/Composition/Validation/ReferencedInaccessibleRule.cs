using ChildInfo.Federation.Composition.Merging;

namespace ChildInfo.Federation.Composition.Validation;

/// <summary>REFERENCED_INACCESSIBLE: a field or argument in the API schema has a type marked <c>@inaccessible</c>.</summary>
internal sealed class ReferencedInaccessibleRule : IPostMergeRule
{
    public IEnumerable<CompositionError> Validate(MergedSchema schema)
    {
        foreach (var type in schema.Types.Values.Where(t => !t.Inaccessible))
        {
            foreach (var field in type.Fields.Where(f => !f.Inaccessible))
            {
                var coordinate = type.Name + "." + field.Name;
                if (schema.Type(field.Type.NamedType) is { Inaccessible: true })
                {
                    yield return Error(field.Type.NamedType, coordinate);
                }

                foreach (var argument in field.Arguments.Where(a => !a.Inaccessible && schema.Type(a.Type.NamedType) is { Inaccessible: true }))
                {
                    yield return Error(argument.Type.NamedType, $"{coordinate}({argument.Name}:)");
                }
            }
        }
    }

    private static CompositionError Error(string typeName, string coordinate) => new(
        CompositionErrorCodes.ReferencedInaccessible,
        $"Type \"{typeName}\" is @inaccessible but is referenced by \"{coordinate}\", which is in the API schema.",
        null,
        coordinate);
}
