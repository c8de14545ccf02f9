namespace ChildInfo.Federation.Supergraph;

public enum SupergraphTypeKind
{
    Object,
    Interface,
    Union,
    Enum,
    InputObject,
    Scalar,
}
