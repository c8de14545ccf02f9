using ChildInfo.Federation.Composition;

namespace ChildInfo.Composition.Tests;

/// <summary>One folder of the corpus: subgraph SDLs and Apollo's expected supergraph or errors.</summary>
public sealed record CorpusCase(string Name, string Directory)
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "Corpus");

    public IReadOnlyList<SubgraphSdl> Subgraphs() =>
        System.IO.Directory.GetFiles(Path.Combine(Directory, "subgraphs"), "*.graphql").Order(StringComparer.Ordinal)
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .Select(n => new SubgraphSdl(n, $"http://{n}.test/graphql", File.ReadAllText(Path.Combine(Directory, "subgraphs", n + ".graphql"))))
            .ToList();

    public string? ExpectedSupergraph => ReadIfExists("expected.supergraph.graphql");

    /// <summary>Apollo's error codes, each line of expected.errors.txt being "CODE: message".</summary>
    public IReadOnlySet<string>? ExpectedCodes =>
        ReadIfExists("expected.errors.txt")?.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)]).ToHashSet();

    public static IEnumerable<CorpusCase> All() =>
        System.IO.Directory.GetDirectories(Root).Order(StringComparer.Ordinal).Select(d => new CorpusCase(Path.GetFileName(d), d));

    private string? ReadIfExists(string file)
    {
        var path = Path.Combine(Directory, file);
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    public override string ToString() => Name;
}
