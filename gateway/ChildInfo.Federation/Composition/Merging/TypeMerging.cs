using ChildInfo.Federation.Composition.Model;
using ChildInfo.Federation.Supergraph;

namespace ChildInfo.Federation.Composition.Merging;

/// <summary>
/// How field types meet across subgraphs. Output positions take the most general type every subgraph's type is a
/// subtype of (nullable wins; an interface or union over its members); input positions take the most restrictive
/// (non-null wins). Null means the types are incompatible.
/// </summary>
internal static class TypeMerging
{
    public static TypeRef? MergeOutput(IEnumerable<TypeRef> types, Func<string, string, bool> isSubtype)
    {
        TypeRef? result = null;
        foreach (var type in types)
        {
            result = result is null ? type : Output(result, type, isSubtype);
            if (result is null)
            {
                return null;
            }
        }

        return result;
    }

    public static TypeRef? MergeInput(IEnumerable<TypeRef> types)
    {
        TypeRef? result = null;
        foreach (var type in types)
        {
            result = result is null ? type : Input(result, type);
            if (result is null)
            {
                return null;
            }
        }

        return result;
    }

    /// <summary>Whether the returned function's first argument (an interface or union) has its second as a member in some subgraph.</summary>
    public static Func<string, string, bool> SubtypeCheck(IEnumerable<ParsedSubgraph> subgraphs)
    {
        var pairs = new HashSet<(string, string)>();
        foreach (var subgraph in subgraphs)
        {
            foreach (var type in subgraph.Types.Values)
            {
                foreach (var i in type.Interfaces)
                {
                    pairs.Add((type.Name, i));
                }

                foreach (var m in type.Members)
                {
                    pairs.Add((m, type.Name));
                }
            }
        }

        return (name, abstractName) => pairs.Contains((name, abstractName));
    }

    private static TypeRef? Output(TypeRef a, TypeRef b, Func<string, string, bool> isSubtype)
    {
        if (a.IsNonNull || b.IsNonNull)
        {
            var inner = Output(a.Nullable, b.Nullable, isSubtype);
            return inner is null ? null : a.IsNonNull && b.IsNonNull ? TypeRef.NonNullOf(inner) : inner;
        }

        if (a.Kind == TypeRefKind.List && b.Kind == TypeRefKind.List)
        {
            var inner = Output(a.OfType!, b.OfType!, isSubtype);
            return inner is null ? null : TypeRef.ListOf(inner);
        }

        if (a.Kind == TypeRefKind.Named && b.Kind == TypeRefKind.Named)
        {
            return a.Name == b.Name ? a : isSubtype(a.Name!, b.Name!) ? b : isSubtype(b.Name!, a.Name!) ? a : null;
        }

        return null;
    }

    private static TypeRef? Input(TypeRef a, TypeRef b)
    {
        if (a.IsNonNull || b.IsNonNull)
        {
            var inner = Input(a.Nullable, b.Nullable);
            return inner is null ? null : TypeRef.NonNullOf(inner);
        }

        if (a.Kind == TypeRefKind.List && b.Kind == TypeRefKind.List)
        {
            var inner = Input(a.OfType!, b.OfType!);
            return inner is null ? null : TypeRef.ListOf(inner);
        }

        return a.Kind == TypeRefKind.Named && b.Kind == TypeRefKind.Named && a.Name == b.Name ? a : null;
    }
}
