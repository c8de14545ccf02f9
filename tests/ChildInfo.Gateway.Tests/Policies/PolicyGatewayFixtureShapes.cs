using ChildInfo.Federation.Supergraph;

namespace ChildInfo.Gateway.Tests.Policies;

/// <summary>Which field coordinates of the demo supergraph return objects (and so need a sub-selection).</summary>
internal static class PolicyGatewayFixtureShapes
{
    private static SupergraphSchema? _schema;

    public static void Remember(SupergraphSchema schema) => _schema = schema;

    public static bool IsComposite(string coordinate)
    {
        var dot = coordinate.IndexOf('.', StringComparison.Ordinal);
        var schema = _schema!;
        return schema.Types.TryGetValue(coordinate[..dot], out var type) && type.Field(coordinate[(dot + 1)..]) is { } field
            && schema.Types.TryGetValue(field.Type.NamedType, out var named) && named.IsComposite;
    }
}
