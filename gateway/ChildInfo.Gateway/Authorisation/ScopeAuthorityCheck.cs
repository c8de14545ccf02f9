using ChildInfo.Federation.Supergraph;
using ChildInfo.Policies.Model;

namespace ChildInfo.Gateway.Authorisation;

/// <summary>
/// Keeps the keys that open an agency's records coming from the child index. An agency whose own records cannot decide
/// a caller's scope (education, asked for a social worker's caseload) serves the records a signed call names, trusting
/// that the gateway took those keys from a parent the child index scope-checked. A subgraph that could hand the gateway
/// keys to another subgraph's entity would break that trust: a compromised or mistaken agency could steer a social
/// worker's request to any pupil in the authority. So in a supergraph the gateway serves under policies, no subgraph but
/// the scope authority (the child index) and the entity's own subgraph may return references to an entity, or fields of
/// another subgraph's key for it. A policy set whose every rule reaches everyone decides no record scope, so nothing
/// relies on it there (the peer-gateway benchmark's permit-all set).
/// </summary>
public static class ScopeAuthorityCheck
{
    /// <summary>The subgraph that decides record scope when no other is configured.</summary>
    public const string DefaultAuthority = "child-index";

    /// <summary>
    /// The problems of <paramref name="supergraph"/> (see the other overload) when <paramref name="policies"/> decides
    /// record scope in any rule; none when every rule reaches everyone.
    /// </summary>
    public static IReadOnlyList<string> Problems(SupergraphSchema supergraph, PolicySet policies, string authority)
    {
        ArgumentNullException.ThrowIfNull(policies);
        if (!policies.Rules.Any(r => r.Scope != RecordScope.Everyone))
        {
            return [];
        }

        var origins = Origins(supergraph, policies, authority);
        return Problems(supergraph, authority, (type, owner) => HoldsNoChildData(policies, type, owner),
            (entity, source) => origins.TryGetValue(entity, out var origin) && origin == source);
    }

    /// <summary>
    /// The agency each record type comes from, as the policies' links say (<c>Child.pupil: education</c>, and
    /// <c>Child.pupil</c> is a <c>Pupil</c>): the records an agency returns of its own type are its own, found through its
    /// own scoped lookups, so the services that extend that type may be handed their keys. Only links the authority itself
    /// serves count (the index's link from a child to an agency's record): a registered document may declare a link for
    /// a field of its own subgraph, and must not thereby make that subgraph the origin of another agency's type. A type
    /// two links give to different agencies has no origin.
    /// </summary>
    private static Dictionary<string, string> Origins(SupergraphSchema supergraph, PolicySet policies, string authority)
    {
        var origins = new Dictionary<string, string>(StringComparer.Ordinal);
        var ambiguous = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (coordinate, agency) in policies.Links)
        {
            var dot = coordinate.IndexOf('.', StringComparison.Ordinal);
            if (dot <= 0 || !supergraph.Types.TryGetValue(coordinate[..dot], out var parent) || parent.Field(coordinate[(dot + 1)..]) is not { } field
                || !Sources(parent, field).Contains(authority, StringComparer.Ordinal))
            {
                continue;
            }

            var type = field.Type.NamedType;
            if (origins.TryGetValue(type, out var known) && known != agency)
            {
                ambiguous.Add(type);
            }

            origins[type] = agency;
        }

        foreach (var type in ambiguous)
        {
            origins.Remove(type);
        }

        return origins;
    }

    /// <summary>
    /// One sentence per field through which a subgraph other than <paramref name="authority"/> could supply the key of an
    /// entity another subgraph (not the authority) resolves, or take a field the authority serves; empty when there is none.
    /// An entity for which <paramref name="directory"/> says its owner serves nothing about a child (a school, a team:
    /// directory data) may be referenced by any subgraph, and an agency returning records of a type the policies' links
    /// say are its own (<paramref name="origin"/>: education's pupils) may hand their keys to the services that extend it.
    /// </summary>
    public static IReadOnlyList<string> Problems(SupergraphSchema supergraph, string authority, Func<SupergraphType, string, bool>? directory = null,
        Func<string, string, bool>? origin = null)
    {
        ArgumentNullException.ThrowIfNull(supergraph);
        ArgumentException.ThrowIfNullOrEmpty(authority);
        directory ??= static (_, _) => false;
        origin ??= static (_, _) => false;
        var problems = new List<string>();
        foreach (var type in supergraph.Types.Values.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            if (!type.IsComposite || type.Name.StartsWith("__", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var field in type.Fields.Values.OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                problems.AddRange(TakenFromAuthority(supergraph, type, field, authority));
                foreach (var source in Sources(type, field))
                {
                    if (source == authority)
                    {
                        continue;
                    }

                    foreach (var (entity, owner) in ReferencedEntities(supergraph, field.Type.NamedType, source, authority, directory).Where(r => !origin(r.Entity, source)))
                    {
                        problems.Add($"[{source}] {type.Name}.{field.Name} returns {entity}, whose records '{owner}' serves by key: only the " +
                            $"scope authority '{authority}' may give the gateway keys to another subgraph's records, because '{owner}' trusts " +
                            $"keys in a signed call to have been scope-checked there. Reach {entity} through '{authority}' instead.");
                    }

                    foreach (var owner in KeyOwners(type, field.Name, source, authority).Where(owner => !directory(type, owner)))
                    {
                        problems.Add($"[{source}] {type.Name}.{field.Name} is part of the key by which '{owner}' serves {type.Name}: only the " +
                            $"scope authority '{authority}' may give the gateway keys to another subgraph's records.");
                    }
                }
            }
        }

        return problems;
    }

    /// <summary>
    /// A field the authority serves, taken over (<c>@override</c>) or, at the root, served alongside it by another
    /// subgraph: the child lookups, the record links the audit names children from and the population analysts count
    /// must come from the authority alone.
    /// </summary>
    private static IEnumerable<string> TakenFromAuthority(SupergraphSchema supergraph, SupergraphType type, SupergraphField field, string authority)
    {
        foreach (var join in field.Joins)
        {
            if (join.Graph != authority && join.OverrideFrom == authority)
            {
                yield return $"[{join.Graph}] {type.Name}.{field.Name} takes the field over from the scope authority '{authority}' (@override): " +
                    "what the authority serves (who a child is, whose records are whose, who is in scope) may come only from it.";
            }
        }

        var root = type.Name == supergraph.QueryType || type.Name == supergraph.MutationType;
        if (root && Sources(type, field).Contains(authority, StringComparer.Ordinal))
        {
            foreach (var other in Sources(type, field).Where(g => g != authority))
            {
                yield return $"[{other}] {type.Name}.{field.Name} is also served by the scope authority '{authority}': " +
                    "what the authority serves (who a child is, whose records are whose, who is in scope) may come only from it.";
            }
        }
    }

    /// <summary>The subgraphs that resolve <paramref name="field"/> themselves (not as <c>@external</c>).</summary>
    private static IEnumerable<string> Sources(SupergraphType type, SupergraphField field) => field.HasJoinField
        ? field.Joins.Where(j => !j.External).Select(j => j.Graph).Distinct(StringComparer.Ordinal)
        : type.Joins.Keys;

    /// <summary>
    /// The entities a value of <paramref name="namedType"/> can be (the type itself and its possible types), each with a
    /// subgraph other than <paramref name="source"/> and <paramref name="authority"/> that resolves it by key.
    /// </summary>
    private static IEnumerable<(string Entity, string Owner)> ReferencedEntities(SupergraphSchema supergraph, string namedType, string source, string authority, Func<SupergraphType, string, bool> directory)
    {
        if (!supergraph.Types.TryGetValue(namedType, out var named) || !named.IsComposite)
        {
            yield break;
        }

        foreach (var candidate in supergraph.PossibleTypes(namedType).Append(namedType).Distinct(StringComparer.Ordinal))
        {
            if (!supergraph.Types.TryGetValue(candidate, out var type))
            {
                continue;
            }

            foreach (var (graph, join) in type.Joins.OrderBy(j => j.Key, StringComparer.Ordinal))
            {
                if (graph != source && graph != authority && join.Keys.Any(k => k.Resolvable) && !directory(type, graph))
                {
                    yield return (candidate, graph);
                }
            }
        }
    }

    /// <summary>
    /// The subgraphs (not <paramref name="source"/> nor <paramref name="authority"/>) whose resolvable key of
    /// <paramref name="type"/> names <paramref name="field"/> at its top level, where <paramref name="source"/> resolves
    /// the field without it being part of a key of its own.
    /// </summary>
    private static IEnumerable<string> KeyOwners(SupergraphType type, string field, string source, string authority)
    {
        if (type.Joins.TryGetValue(source, out var own) && own.Keys.Any(k => Names(k, field)))
        {
            yield break;
        }

        foreach (var (graph, join) in type.Joins.OrderBy(j => j.Key, StringComparer.Ordinal))
        {
            if (graph != source && graph != authority && join.Keys.Any(k => k.Resolvable && Names(k, field)))
            {
                yield return graph;
            }
        }
    }

    /// <summary>
    /// Whether every field <paramref name="owner"/> resolves on <paramref name="type"/> carries only labels the policies
    /// say describe no individual child (<c>row_level: false</c>, such as <c>reference</c>): keys to such an entity open
    /// directory data, nothing a caller's record scope decides. A field without labels counts as a child's data.
    /// </summary>
    private static bool HoldsNoChildData(PolicySet policies, SupergraphType type, string owner)
    {
        var any = false;
        foreach (var field in type.Fields.Values)
        {
            if (field.Name.StartsWith("__", StringComparison.Ordinal) || !Sources(type, field).Contains(owner, StringComparer.Ordinal))
            {
                continue;
            }

            if (!policies.Classifications.TryGetValue($"{type.Name}.{field.Name}", out var labels) || labels.IsDefaultOrEmpty
                || labels.Any(label => !policies.Labels.TryGetValue(label, out var known) || known.RowLevel))
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    private static bool Names(KeyDefinition key, string field) => key.Selection.Any(n => n.FieldName == field);
}
