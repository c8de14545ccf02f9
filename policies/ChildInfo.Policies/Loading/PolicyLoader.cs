using System.Security.Cryptography;
using System.Text;

namespace ChildInfo.Policies.Loading;

/// <summary>
/// Loads a policy set from YAML files and checks it against the supergraph's field coordinates
/// (<c>Type.field</c>). Returns a result, never throws for a mistake in the files.
/// </summary>
public static class PolicyLoader
{
    /// <summary>Loads every <c>*.yaml</c> / <c>*.yml</c> file of <paramref name="directory"/>, in name order.</summary>
    public static PolicyLoadResult LoadDirectory(string directory, IReadOnlyCollection<string> supergraphFields) =>
        LoadDirectory(directory, supergraphFields, []);

    /// <summary>
    /// Loads the folder's files followed by <paramref name="additional"/> documents (for example the classifications
    /// that system owners registered with their subgraphs), checked as one set.
    /// </summary>
    public static PolicyLoadResult LoadDirectory(string directory, IReadOnlyCollection<string> supergraphFields, IReadOnlyList<PolicySource> additional)
    {
        ArgumentNullException.ThrowIfNull(additional);
        if (!Directory.Exists(directory))
        {
            return PolicyLoadResult.Failed([new PolicyError(PolicyErrorCodes.NoPolicyFiles, $"The policy folder '{directory}' does not exist.", new(directory, 0, 0))]);
        }

        var files = Directory.EnumerateFiles(directory)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(f => new PolicySource(Path.GetFileName(f), File.ReadAllText(f)))
            .ToList();
        if (files.Count == 0)
        {
            return PolicyLoadResult.Failed([new PolicyError(PolicyErrorCodes.NoPolicyFiles, $"The policy folder '{directory}' holds no .yaml files.", new(directory, 0, 0))]);
        }

        files.AddRange(additional);
        return Load(files, supergraphFields);
    }

    /// <summary>Loads policy files given as text (their names are used in error locations).</summary>
    public static PolicyLoadResult Load(IReadOnlyList<PolicySource> sources, IReadOnlyCollection<string> supergraphFields)
    {
        if (sources.Count == 0)
        {
            return PolicyLoadResult.Failed([new PolicyError(PolicyErrorCodes.NoPolicyFiles, "No policy files were given.", Model.SourceLocation.None)]);
        }

        var errors = new List<PolicyError>();
        var raw = new RawPolicy();
        foreach (var source in sources)
        {
            new PolicyDocumentReader(source.Name, raw, errors, source.AllowedSections).Read(source.Text);
        }

        var set = new PolicySetBuilder(raw, supergraphFields, errors, sources[0].Name).Build(Hash(sources));
        var ordered = errors
            .OrderBy(e => e.Location.File, StringComparer.Ordinal)
            .ThenBy(e => e.Location.Line)
            .ThenBy(e => e.Location.Column)
            .ToList();
        return ordered.Count == 0 ? new PolicyLoadResult(set, []) : PolicyLoadResult.Failed(ordered);
    }

    private static string Hash(IReadOnlyList<PolicySource> sources)
    {
        var text = new StringBuilder();
        foreach (var source in sources)
        {
            text.Append(source.Name).Append('\0').Append(source.Text).Append('\0');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..12];
    }
}
