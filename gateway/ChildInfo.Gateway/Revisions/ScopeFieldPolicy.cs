using System.Collections.Concurrent;
using ChildInfo.Federation.Access;
using ChildInfo.Federation.Supergraph;
using ChildInfo.Policies.Decisions;

namespace ChildInfo.Gateway.Revisions;

/// <summary>
/// The planner's field policy for one policy scope: the scope's decision for each coordinate, and one rule the
/// gateway adds — a field that returns an agency's record (for example <c>Query.pupil</c> or
/// <c>SocialCareTeam.caseload</c>) is decided like the link to that agency (<c>Child.pupil</c>), so a record that may not
/// be linked cannot be reached another way. Built once per scope and shared.
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
}
