using System.Globalization;
using GraphQL;

namespace ChildInfo.GatewaysBench.Hosting;

/// <summary>Reads the fields of an <c>_entities</c> representation, with a GraphQL error (not a cast exception) when one is wrong.</summary>
public static class Representation
{
    public static string Key(IDictionary<string, object?> representation, string field) =>
        representation.TryGetValue(field, out var value) && value is string or int or long ? Convert.ToString(value, CultureInfo.InvariantCulture)!
            : throw new ExecutionError($"The representation has no key field '{field}'.") { Code = "INVALID_REPRESENTATION" };

    /// <summary>An optional number (a field named in <c>@requires</c>): null when absent or null.</summary>
    public static int? Number(IDictionary<string, object?> representation, string field) =>
        representation.TryGetValue(field, out var value) ? value switch
        {
            null => null,
            int i => i,
            long l => checked((int)l),
            double d => (int)d,
            decimal m => (int)m,
            _ => throw new ExecutionError($"The representation's field '{field}' is not a number.") { Code = "INVALID_REPRESENTATION" },
        } : null;
}
