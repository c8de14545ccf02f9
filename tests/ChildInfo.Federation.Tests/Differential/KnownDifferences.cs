namespace ChildInfo.Federation.Tests.Differential;

/// <summary>
/// The reviewed list <c>known-apollo-differences.txt</c>: a reason line (<c>apollo: why</c> or <c>fixed: why</c>), then
/// the cases it explains, one <c>&lt;supergraph&gt;/&lt;case&gt;</c> a line, indented. <c>apollo</c>: Apollo Gateway
/// answers wrongly there (the engine follows the specification). <c>fixed</c>: the engine answered wrongly there and
/// was fixed; the entry stays as a record and the answers must match.
/// </summary>
internal sealed class KnownDifferences
{
    public const string FileName = "known-apollo-differences.txt";

    private KnownDifferences(Dictionary<string, string> apollo, Dictionary<string, string> @fixed)
    {
        Apollo = apollo;
        Fixed = @fixed;
    }

    /// <summary>Known Apollo Gateway defects, by <c>supergraph/case</c>, with the reason.</summary>
    public IReadOnlyDictionary<string, string> Apollo { get; }

    /// <summary>Engine defects found by the comparison and fixed, by <c>supergraph/case</c>, with what was wrong.</summary>
    public IReadOnlyDictionary<string, string> Fixed { get; }

    public static KnownDifferences Load()
    {
        var apollo = new Dictionary<string, string>(StringComparer.Ordinal);
        var @fixed = new Dictionary<string, string>(StringComparer.Ordinal);
        Dictionary<string, string>? section = null;
        var reason = string.Empty;
        var lineNumber = 0;
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Differential", FileName)))
        {
            lineNumber++;
            if (line.Trim().Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (!char.IsWhiteSpace(line[0]))
            {
                var colon = line.IndexOf(": ", StringComparison.Ordinal);
                section = colon < 0 ? null : line[..colon] switch
                {
                    "apollo" => apollo,
                    "fixed" => @fixed,
                    _ => null,
                };
                reason = colon < 0 ? string.Empty : line[(colon + 2)..].Trim();
                if (section is null || reason.Length == 0)
                {
                    throw new FormatException($"{FileName} line {lineNumber}: expected 'apollo: <reason>' or 'fixed: <reason>', got: {line}");
                }

                continue;
            }

            var name = line.Trim();
            if (section is null || name.Count(c => c == '/') != 1 || name.Contains(' ', StringComparison.Ordinal))
            {
                throw new FormatException($"{FileName} line {lineNumber}: expected an indented '<supergraph>/<case>' below a reason, got: {line}");
            }

            if (apollo.ContainsKey(name) || @fixed.ContainsKey(name))
            {
                throw new FormatException($"{FileName} line {lineNumber}: {name} is listed twice.");
            }

            section.Add(name, reason);
        }

        return new KnownDifferences(apollo, @fixed);
    }
}
