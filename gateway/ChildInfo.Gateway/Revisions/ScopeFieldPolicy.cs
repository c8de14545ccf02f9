using System.Collections.Concurrent;
using ChildInfo.Federation.Access;
using ChildInfo.Federation.Supergraph;
using ChildInfo.Policies.Decisions;

namespace ChildInfo.Gateway.Revisions;

/// <summary>
/// The planner's field policy for one policy scope: the scope's decision for each coordinate, and one rule the
/// gateway adds — a field that returns an agency's record (for example <c>Query.pupil</c> or
/// <c>SocialCareTeam.caseload</c>) is decided like the link to that agency (<c>Child.pupil</c>), so a record that may not
/// be linked cannot be reached another way; and a field whose subgraph computes it from others (<c>@requires</c>) is
/// decided as the least of itself and every field it requires, since serving it would fetch those fields for this
/// caller and send them to that subgraph. Built once per scope and shared.
/// </summary>
public sealed class ScopeFieldPolicy : IFieldAccessPolicy
{
    private readonly PolicyScope _scope;
    private readonly SupergraphSchema _schema;
    private readonly Dictionary<string, string> _linkByRecordType = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FieldAccess> _decisions = new(StringComparer.Ordinal);

    public ScopeFieldPolicy(PolicyScope scope, SupergraphSchema schema)
    {
        _scope = scope ?? throw new ArgumentNullException(nameof(scope));
        _schema = schema ?? throw new ArgumentNullException(nameof(schema));
        foreach (var link in scope.Links.Keys)
        {
            var dot = link.IndexOf('.', StringComparison.Ordinal);
            if (dot > 0 && schema.Types.TryGetValue(link[..dot], out var type) && type.Field(link[(dot + 1)..]) is { } field)
            {
                _linkByRecordType[field.Type.NamedType] = link;
            }
        }
    }

    public PolicyScope Scope => _scope;

    public FieldAccess Decide(string typeName, string fieldName)
    {
        var coordinate = typeName + "." + fieldName;
        return _decisions.TryGetValue(coordinate, out var cached) ? cached : _decisions.GetOrAdd(coordinate, Compute(typeName, fieldName, coordinate));
    }

    private FieldAccess Compute(string typeName, string fieldName, string coordinate)
    {
        var own = Own(typeName, fieldName, coordinate);
        if (own.Allowed && _schema.Types.TryGetValue(typeName, out var type) && type.Field(fieldName) is { } field
            && RequiredDenial(type, field, depth: 0) is { } required)
        {
            return new FieldAccess(coordinate, false, required.Code,
                $"{coordinate} is computed by its subgraph from {required.Coordinate}, which this rule may not see: {required.Reason}", required.Rule, own.Label);
        }

        return own;
    }

    /// <summary>The field's own decision: its labels, and the link rule for a field that returns an agency's record.</summary>
    private FieldAccess Own(string typeName, string fieldName, string coordinate)
    {
        var decision = _scope.Decide(coordinate);
        if (!decision.Allowed)
        {
            return new FieldAccess(coordinate, false, decision.Code, decision.Reason, decision.Rule, decision.Label);
        }

        if (_schema.Types.TryGetValue(typeName, out var type) && type.Field(fieldName) is { } field
            && _linkByRecordType.TryGetValue(field.Type.NamedType, out var link) && link != coordinate
            && _scope.DecideLink(link) is { Allowed: false } denied)
        {
            return new FieldAccess(coordinate, false, denied.Code,
                $"{coordinate} returns the {denied.Agency} record, which may not be reached: {denied.Reason}", denied.Rule, decision.Label);
        }

        return new FieldAccess(coordinate, true, decision.Code, decision.Reason, decision.Rule, decision.Label);
    }

    /// <summary>
    /// The first denied field among those <paramref name="field"/> requires (<c>@requires</c> of any subgraph that
    /// serves it, nested selections and the fields they require in turn); null when every one may be seen.
    /// </summary>
    private FieldAccess? RequiredDenial(SupergraphType type, SupergraphField field, int depth)
    {
        // Composition refuses cycles of requirements; the bound only keeps a malformed supergraph from looping.
        if (depth > MaxRequiresDepth)
        {
            return new FieldAccess($"{type.Name}.{field.Name}", false, "REQUIRES_TOO_DEEP", "Its requirements nest too deeply to decide.", null, null);
        }

        foreach (var join in field.Joins)
        {
            if (join.Requires is { } requires && Denied(type, requires, depth) is { } denied)
            {
                return denied;
            }
        }

        return null;
    }

    private FieldAccess? Denied(SupergraphType parent, IReadOnlyList<FieldSetNode> selection, int depth)
    {
        foreach (var node in selection)
        {
            if (node.IsFragment)
            {
                if (node.TypeCondition is { } condition && _schema.Types.TryGetValue(condition, out var narrowed) && Denied(narrowed, node.Children, depth) is { } inFragment)
                {
                    return inFragment;
                }

                continue;
            }

            if (node.FieldName is not { } name || name.StartsWith("__", StringComparison.Ordinal) || parent.Field(name) is not { } required)
            {
                continue;
            }

            var access = Own(parent.Name, name, parent.Name + "." + name);
            if (!access.Allowed)
            {
                return access;
            }

            if (RequiredDenial(parent, required, depth + 1) is { } deeper)
            {
                return deeper;
            }

            if (node.Children.Count > 0 && _schema.Types.TryGetValue(required.Type.NamedType, out var child) && Denied(child, node.Children, depth + 1) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }

    private const int MaxRequiresDepth = 16;
}
