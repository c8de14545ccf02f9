using System.Text.Json;
using ChildInfo.Audit.Records;
using ChildInfo.Federation;
using ChildInfo.Federation.Access;
using ChildInfo.Federation.Operations;
using ChildInfo.Federation.Supergraph;

namespace ChildInfo.Gateway.Audit;

/// <summary>
/// Works out what a response disclosed while the engine still holds its merged result (<see cref="IMergedResponseReader"/>),
/// so the audit never parses the written response back. One per request.
/// </summary>
public sealed class ResponseDisclosureReader(SupergraphSchema schema, OperationDocument document, JsonElement? variables, Func<string, IReadOnlyList<string>> labels)
    : IMergedResponseReader
{
    /// <summary>What the response disclosed; null until the engine has read it.</summary>
    public ResponseDisclosure? Disclosure { get; private set; }

    public void Read(MergedValue data, IReadOnlyList<RecordNotice> notices)
    {
        ArgumentNullException.ThrowIfNull(notices);
        var childByPath = notices.Count > 0 ? new Dictionary<string, string>(StringComparer.Ordinal) : null;
        var recorded = new Dictionary<string, List<RecordedField>>(StringComparer.Ordinal);
        var sent = new Dictionary<string, List<SentField>>(StringComparer.Ordinal);
        Disclosure = new ResponseDisclosure(ChildDisclosureWalker.Walk(schema, document, variables, data, labels, childByPath, recorded, sent), childByPath, recorded, sent);
    }
}
