using ChildInfo.Policies.Loading;
using ChildInfo.Policies.Model;

namespace ChildInfo.Policies.Tests;

/// <summary>The sample policy set of <c>policies/sample</c> and the supergraph field coordinates it must cover.</summary>
public static class SamplePolicies
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Directory => Path.Combine(RepositoryRoot, "policies", "sample");

    /// <summary>The gateway demo's stored supergraph, if it exists yet.</summary>
    public static string? SupergraphFile { get; } = FindSupergraph();

    /// <summary>
    /// Field coordinates of the supergraph: from the stored supergraph file when there is one, otherwise the list
    /// extracted from the subgraph sources (<c>Sample/supergraph-fields.txt</c>).
    /// </summary>
    public static IReadOnlyCollection<string> Fields { get; } = FromSupergraph() is { Count: > 0 } parsed ? parsed : ExtractedFields;

    /// <summary>True when <see cref="Fields"/> came from the stored supergraph file rather than the extracted list.</summary>
    public static bool FieldsFromSupergraph => FromSupergraph() is { Count: > 0 };

    public static IReadOnlyCollection<string> ExtractedFields => File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Sample", "supergraph-fields.txt"))
        .Select(l => l.Trim())
        .Where(l => l.Length > 0 && !l.StartsWith('#'))
        .ToList();

    private static readonly Lazy<PolicySet> Loaded = new(() =>
    {
        var result = PolicyLoader.LoadDirectory(Directory, Fields);
        return result.PolicySet ?? throw new InvalidOperationException("The sample policy set is invalid:\n" + result.Describe());
    });

    public static PolicySet Set => Loaded.Value;

    public static IReadOnlyList<PolicySource> Sources() =>
        [.. System.IO.Directory.EnumerateFiles(Directory, "*.yaml").Order(StringComparer.Ordinal)
            .Select(f => new PolicySource(Path.GetFileName(f), File.ReadAllText(f)))];

    private static IReadOnlyCollection<string>? FromSupergraph() =>
        SupergraphFile is { } file ? SupergraphFields.Parse(File.ReadAllText(file)) : null;

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ChildInfo.Gateway.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }

    private static string? FindSupergraph()
    {
        var gateway = Path.Combine(RepositoryRoot, "gateway", "ChildInfo.Gateway");
        if (!System.IO.Directory.Exists(gateway))
        {
            return null;
        }

        return System.IO.Directory.EnumerateFiles(gateway, "supergraph*.graphql", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();
    }
}
