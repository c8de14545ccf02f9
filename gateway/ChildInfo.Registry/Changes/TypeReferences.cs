using System.Text;
using GraphQLParser.AST;

namespace ChildInfo.Registry;

/// <summary>Compares and prints type references (<c>[Pupil!]!</c>) the way the diff rules need them.</summary>
internal static class TypeReferences
{
    public static TypeReferenceChange Compare(GraphQLType before, GraphQLType after) => (before, after) switch
    {
        (GraphQLNonNullType b, GraphQLNonNullType a) => Compare(b.Type, a.Type),
        (GraphQLNonNullType b, _) => Combine(TypeReferenceChange.Loosened, Compare(b.Type, after)),
        (_, GraphQLNonNullType a) => Combine(TypeReferenceChange.Tightened, Compare(before, a.Type)),
        (GraphQLListType b, GraphQLListType a) => Compare(b.Type, a.Type),
        (GraphQLNamedType b, GraphQLNamedType a) => b.Name.StringValue == a.Name.StringValue ? TypeReferenceChange.Same : TypeReferenceChange.Changed,
        _ => TypeReferenceChange.Changed,
    };

    public static string Print(GraphQLType type)
    {
        var builder = new StringBuilder();
        Print(type, builder);
        return builder.ToString();
    }

    /// <summary>An input value the caller must supply: non-null with no default.</summary>
    public static bool IsRequired(GraphQLInputValueDefinition value) => value.Type is GraphQLNonNullType && value.DefaultValue is null;

    private static TypeReferenceChange Combine(TypeReferenceChange outer, TypeReferenceChange inner) => inner switch
    {
        TypeReferenceChange.Same => outer,
        _ when inner == outer => outer,
        _ => TypeReferenceChange.Changed,
    };

    private static void Print(GraphQLType type, StringBuilder builder)
    {
        switch (type)
        {
            case GraphQLNonNullType nonNull:
                Print(nonNull.Type, builder);
                builder.Append('!');
                break;
            case GraphQLListType list:
                builder.Append('[');
                Print(list.Type, builder);
                builder.Append(']');
                break;
            case GraphQLNamedType named:
                builder.Append(named.Name.StringValue);
                break;
        }
    }
}
