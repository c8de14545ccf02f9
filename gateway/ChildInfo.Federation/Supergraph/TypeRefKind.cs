namespace ChildInfo.Federation.Supergraph;

public enum TypeRefKind
{
    Named,
    List,
    NonNull,
}
