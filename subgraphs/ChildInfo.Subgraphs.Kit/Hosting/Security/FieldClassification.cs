using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Reflection;
using ChildInfo.Subgraphs.Contract;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ChildInfo.Subgraphs.Kit.Hosting.Security;

/// <summary>
/// The labels on each of a subgraph's fields (<c>Type.field</c> → labels) and which of its fields are link fields
/// (<c>Child.pupil</c>...), read from the same classification documents the gateway's policy set is built from
/// (their <c>classifications:</c> and <c>links:</c> sections; every other section is ignored). With the labels and
/// links signed into a call's context, the subgraph serves a field only if every one of its labels is allowed and,
/// for a link, the link is allowed too: a second check, at the data, of what the gateway decided.
/// </summary>
public sealed class FieldClassification
{
    private readonly FrozenDictionary<string, ImmutableArray<string>> _labels;
    private readonly FrozenDictionary<string, string?> _links;

    private FieldClassification(Dictionary<string, ImmutableArray<string>> labels, Dictionary<string, string?> links)
    {
        _labels = labels.ToFrozenDictionary(StringComparer.Ordinal);
        _links = links.ToFrozenDictionary(StringComparer.Ordinal);
        Labels = _labels.Values.SelectMany(l => l).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>How many fields are classified.</summary>
    public int Count => _labels.Count;

    /// <summary>Every label used on a field here.</summary>
    public IReadOnlySet<string> Labels { get; }

    /// <summary>Every link field declared here.</summary>
    public IReadOnlySet<string> LinkFields => _links.Keys.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The labels of a field coordinate; false when the field is not classified.</summary>
    public bool TryGetLabels(string coordinate, out ImmutableArray<string> labels) => _labels.TryGetValue(coordinate, out labels);

    /// <summary>Whether a field coordinate is a link field, followed only if the context lists it.</summary>
    public bool IsLink(string coordinate) => _links.ContainsKey(coordinate);

    /// <summary>
    /// The agencies (<c>education</c>, <c>social-care</c>...) whose link field the context allows to be followed, as
    /// the <c>links:</c> sections name them (<c>Child.pupil: education</c>). A record held by any other agency is,
    /// for this call, not even to be mentioned: that a child is known to an agency is itself information.
    /// </summary>
    public IReadOnlySet<string> LinkedAgencies(SubgraphContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Links.Select(l => _links.GetValueOrDefault(l)).OfType<string>().ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The root type whose fields record on a child's behalf rather than read.</summary>
    public const string RecordingRootType = "Mutation";

    /// <summary>The error code of a field the context's labels or links do not allow.</summary>
    public const string NotAllowedCode = "CONTEXT_LABEL_NOT_ALLOWED";

    /// <summary>The error code of a field the subgraph has no classification for.</summary>
    public const string UnclassifiedCode = "UNCLASSIFIED_FIELD";

    /// <summary>
    /// Null when <paramref name="context"/> allows the field <paramref name="coordinate"/> (every label allowed and,
    /// for a link field, the link too); else the code and a message naming the field and the first reason.
    /// </summary>
    public (string Code, string Message)? Check(string coordinate, SubgraphContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var rule = context.Rule ?? $"{context.Role}/{context.Purpose}";
        if (!_labels.TryGetValue(coordinate, out var labels))
        {
            return (UnclassifiedCode, $"{coordinate} has no classification in this subgraph, so it is never served.");
        }

        // A field of the mutation root type records its labels on a child's behalf: the context must allow recording them.
        var recording = coordinate.StartsWith(RecordingRootType + ".", StringComparison.Ordinal);
        foreach (var label in labels)
        {
            if (recording && !context.Labels.Contains(SubgraphContext.RecordingLabelPrefix + label))
            {
                return (NotAllowedCode, $"{coordinate} records '{label}' on a child's behalf, which the request context (rule {rule}) does not allow.");
            }

            if (!recording && !context.Labels.Contains(label))
            {
                return (NotAllowedCode, $"{coordinate} carries the label '{label}', which the request context (rule {rule}) does not allow.");
            }
        }

        return _links.ContainsKey(coordinate) && !context.Links.Contains(coordinate)
            ? (NotAllowedCode, $"{coordinate} is a link the request context (rule {rule}) does not allow to be followed.")
            : null;
    }

    /// <summary>Reads classification documents (YAML text), later documents adding to earlier ones.</summary>
    /// <exception cref="InvalidOperationException">A document is not valid YAML, or classifies a field twice with different labels.</exception>
    public static FieldClassification Parse(IEnumerable<(string Name, string Text)> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var labels = new Dictionary<string, ImmutableArray<string>>(StringComparer.Ordinal);
        var links = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, text) in documents)
        {
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(text));
            }
            catch (YamlException e)
            {
                throw new InvalidOperationException($"The classification document {name} is not valid YAML (line {e.Start.Line}): {e.Message}", e);
            }

            foreach (var root in stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>())
            {
                if (Section(root, "classifications") is { } classified)
                {
                    foreach (var (field, value) in classified.Children)
                    {
                        var coordinate = Text(field, name);
                        var fieldLabels = value is YamlSequenceNode sequence
                            ? [.. sequence.Children.Select(l => Text(l, name))]
                            : ImmutableArray.Create(Text(value, name));
                        if (labels.TryGetValue(coordinate, out var earlier) && !earlier.SequenceEqual(fieldLabels))
                        {
                            throw new InvalidOperationException($"The classification document {name} labels {coordinate} differently from an earlier document.");
                        }

                        labels[coordinate] = fieldLabels;
                    }
                }

                if (Section(root, "links") is { } linkSection)
                {
                    foreach (var (field, agency) in linkSection.Children)
                    {
                        var coordinate = Text(field, name);
                        var holder = agency is YamlScalarNode { Value: { Length: > 0 } } ? Text(agency, name) : null;
                        links[coordinate] = holder ?? links.GetValueOrDefault(coordinate);
                    }
                }
            }
        }

        return new FieldClassification(labels, links);
    }

    /// <summary>
    /// The classification documents embedded in <paramref name="assembly"/>: every manifest resource whose name ends
    /// in <c>.yaml</c> under a <c>classifications/</c> logical name (see the agencies' project files).
    /// </summary>
    public static FieldClassification FromEmbeddedResources(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var documents = new List<(string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("classifications/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            documents.Add((resource, reader.ReadToEnd()));
        }

        return Parse(documents);
    }

    /// <summary>Reads classification documents from files (the <c>Subgraph:Classifications</c> setting).</summary>
    public static FieldClassification FromFiles(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var documents = new List<(string, string)>();
        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"The classification document {path} does not exist.");
            }

            documents.Add((path, File.ReadAllText(path)));
        }

        return Parse(documents);
    }

    private static YamlMappingNode? Section(YamlMappingNode root, string key) =>
        root.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node as YamlMappingNode : null;

    private static string Text(YamlNode node, string document) =>
        node is YamlScalarNode { Value: { Length: > 0 } value } ? value
            : throw new InvalidOperationException($"The classification document {document} has an entry that is not plain text (line {node.Start.Line}).");
}
