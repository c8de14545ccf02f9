using System.Runtime.CompilerServices;
using ChildInfo.Federation.Supergraph;

namespace ChildInfo.Gateway.Audit;

/// <summary>
/// The agencies' records of a child as the supergraph shows them, so the audit can name the child of a record reached
/// without <c>child(id:)</c>: each type a <c>Child</c> field leads to (<c>Child.pupil</c> → <c>Pupil</c>) that the
/// holding service keys by one field (<c>upn</c>). A record is then known by that service's name (the child index's
/// <c>ci_record_link.source_system</c>) and its key's value, which the child index maps to the child
/// (<see cref="ChildRecordLinks"/>). Worked out once per supergraph.
/// </summary>
internal sealed class AgencyRecordKeys
{
    private static readonly ConditionalWeakTable<SupergraphSchema, AgencyRecordKeys> BySchema = [];

    /// <summary>Record type → (service, key field).</summary>
    private readonly Dictionary<string, (string Source, string Key)> _types = new(StringComparer.Ordinal);

    /// <summary>Service → the key fields of its records.</summary>
    private readonly Dictionary<string, HashSet<string>> _keysBySource = new(StringComparer.Ordinal);

    private AgencyRecordKeys(SupergraphSchema schema)
    {
        if (!schema.Types.TryGetValue(ChildDisclosureWalker.ChildType, out var child))
        {
            return;
        }

        foreach (var field in child.Fields.Values)
        {
            if (!schema.Types.TryGetValue(field.Type.NamedType, out var record) || !record.IsComposite || record.IsAbstract)
            {
                continue;
            }

            foreach (var join in record.Joins.Values)
            {
                if (join.Keys.FirstOrDefault(k => k.Resolvable && k.Selection is [{ FieldName: { } name, Children.Count: 0 }]) is { } key
                    && schema.Subgraphs.FirstOrDefault(s => s.EnumValue == join.Graph || s.Name == join.Graph) is { } holder)
                {
                    var keyField = key.Selection[0].FieldName!;
                    _types[record.Name] = (holder.Name, keyField);
                    if (!_keysBySource.TryGetValue(holder.Name, out var keys))
                    {
                        _keysBySource[holder.Name] = keys = new HashSet<string>(StringComparer.Ordinal);
                    }

                    keys.Add(keyField);
                    break;
                }
            }
        }
    }

    public static AgencyRecordKeys Of(SupergraphSchema schema) => BySchema.GetValue(schema, s => new AgencyRecordKeys(s));

    /// <summary>The service holding records of <paramref name="type"/> and the field that keys them; null when it is no child's record.</summary>
    public (string Source, string Key)? Record(string type) => _types.TryGetValue(type, out var record) ? record : null;

    /// <summary>True when <paramref name="argument"/>, given to a root field of <paramref name="source"/>, names one of its records of a child.</summary>
    public bool IsKey(string source, string argument) => _keysBySource.TryGetValue(source, out var keys) && keys.Contains(argument);

    /// <summary>
    /// How the walk holds a record's child until the child index names it: a string no child id can be (it starts with a
    /// control character, which ids never contain).
    /// </summary>
    public static string Placeholder(string source, string localId) => $"\u001f{source}\u001f{localId}";

    /// <summary>The service and key value of a <see cref="Placeholder"/>; null for a child id.</summary>
    public static (string Source, string LocalId)? Parse(string childId)
    {
        if (childId.Length == 0 || childId[0] != '\u001f')
        {
            return null;
        }

        var separator = childId.IndexOf('\u001f', 1);
        return separator < 0 ? null : (childId[1..separator], childId[(separator + 1)..]);
    }
}
