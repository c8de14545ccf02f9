using System.Reflection;
using System.Text.RegularExpressions;

namespace ChildInfo.Subgraphs.Kit.Data;

/// <summary>
/// An agency's table definitions: one T-SQL-typed script shipped as an embedded resource of the agency's
/// assembly and translated per provider by <see cref="SqlDialect"/>.
/// </summary>
public sealed partial record AgencySchema(string Name, string Script)
{
    /// <summary>Tables the script creates, in order; the installer checks them to decide whether to run.</summary>
    public IReadOnlyList<string> Tables { get; } =
        CreateTable().Matches(Script).Select(m => m.Groups[1].Value).ToArray();

    /// <summary>Loads the single embedded resource ending in <paramref name="resourceSuffix"/>.</summary>
    public static AgencySchema FromResource(Assembly assembly, string name, string resourceSuffix = "schema.sql")
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var resource = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith(resourceSuffix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} has no embedded resource ending in '{resourceSuffix}'.");
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return new AgencySchema(name, reader.ReadToEnd());
    }

    [GeneratedRegex(@"CREATE\s+TABLE\s+([A-Za-z_][A-Za-z0-9_]*)", RegexOptions.IgnoreCase)]
    private static partial Regex CreateTable();
}
