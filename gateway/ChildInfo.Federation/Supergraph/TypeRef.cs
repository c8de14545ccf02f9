namespace ChildInfo.Federation.Supergraph;

/// <summary>A GraphQL type reference: a named type, a list of a type, or a non-null type.</summary>
public sealed record TypeRef(TypeRefKind Kind, string? Name, TypeRef? OfType)
{
    public static TypeRef Named(string name) => new(TypeRefKind.Named, name, null);

    public static TypeRef ListOf(TypeRef inner) => new(TypeRefKind.List, null, inner);

    public static TypeRef NonNullOf(TypeRef inner) => new(TypeRefKind.NonNull, null, inner);

    public bool IsNonNull => Kind == TypeRefKind.NonNull;

    /// <summary>The type without a non-null wrapper.</summary>
    public TypeRef Nullable => Kind == TypeRefKind.NonNull ? OfType! : this;

    /// <summary>The innermost named type.</summary>
    public string NamedType => Kind == TypeRefKind.Named ? Name! : OfType!.NamedType;

    public override string ToString() => Kind switch
    {
        TypeRefKind.Named => Name!,
        TypeRefKind.List => "[" + OfType + "]",
        _ => OfType + "!",
    };
}
