using System.Collections.Frozen;
using System.Collections.Immutable;
using ChildInfo.Policies.Model;

namespace ChildInfo.Policies.Decisions;

/// <summary>
/// The compiled decision engine for one policy set: pure, immutable and safe to share between requests.
/// Bind a request once with <see cref="Bind"/>, then decide each field with <see cref="PolicyScope.Decide"/>.
/// </summary>
public sealed class PolicyEngine
{
    private readonly FrozenDictionary<string, PolicyScope> _scopes;

    private PolicyEngine(PolicySet set)
    {
        Set = set;
        var compiled = new Dictionary<string, PolicyScope>(StringComparer.Ordinal);
        foreach (var rule in set.Rules)
        {
            var role = set.Roles[rule.Role];
            var purpose = set.Purposes[rule.Purpose];
            compiled[Key(rule.Role, rule.Purpose, false)] = new PolicyScope(set, role, purpose, rule, false);
            if (rule.BreakGlass)
            {
                compiled[Key(rule.Role, rule.Purpose, true)] = new PolicyScope(set, role, purpose, rule, true);
            }
        }
        _scopes = compiled.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public PolicySet Set { get; }

    /// <summary>Every compiled scope (one per rule, and one more for each rule that allows break-glass).</summary>
    public IEnumerable<PolicyScope> Scopes => _scopes.Values;

    public static PolicyEngine Compile(PolicySet set) => new(set);

    /// <summary>
    /// Binds a request to a role and purpose: the role must exist, the purpose must be one of its purposes, a
    /// justification must be present where the purpose requires one, and break-glass must be allowed by the rule.
    /// </summary>
    public PurposeBinding Bind(string role, string? purpose, bool justificationPresent, bool breakGlass)
    {
        if (!Set.Roles.TryGetValue(role, out var r))
        {
            return Refuse(DecisionCodes.UnknownRole, $"Unknown role '{role}'.", []);
        }

        var allowed = r.Purposes;
        var list = allowed.IsEmpty ? "none" : string.Join(", ", allowed);
        if (string.IsNullOrEmpty(purpose))
        {
            return Refuse(DecisionCodes.PurposeRequired, $"A purpose must be declared. Role '{role}' may use: {list}.", allowed);
        }

        if (!allowed.Contains(purpose) || !_scopes.TryGetValue(Key(role, purpose, false), out var scope))
        {
            return Refuse(DecisionCodes.PurposeNotAllowed, $"Role '{role}' may not use purpose '{purpose}'. It may use: {list}.", allowed);
        }

        if ((scope.Purpose.JustificationRequired || breakGlass) && !justificationPresent)
        {
            return Refuse(DecisionCodes.JustificationRequired,
                breakGlass ? "Break-glass needs a justification." : $"Purpose '{purpose}' needs a justification (for example a case reference).", allowed);
        }

        if (breakGlass)
        {
            if (!_scopes.TryGetValue(Key(role, purpose, true), out var glass))
            {
                return Refuse(DecisionCodes.BreakGlassNotAllowed, $"Rule {scope.Rule.Id} does not allow break-glass.", allowed);
            }

            scope = glass;
        }
        return new PurposeBinding(true, DecisionCodes.Allowed, $"Bound to rule {scope.Rule.Id}.", allowed, scope);
    }

    /// <summary>The compiled scope for a role and purpose, or null if the role may not use the purpose.</summary>
    public PolicyScope? Scope(string role, string purpose, bool breakGlass = false) =>
        _scopes.TryGetValue(Key(role, purpose, breakGlass), out var scope) ? scope : null;

    /// <summary>One-shot field decision: binds, then decides. Refused bindings deny with the binding's code.</summary>
    public FieldDecision Decide(string role, string? purpose, bool justificationPresent, bool breakGlass, string fieldCoordinate)
    {
        var binding = Bind(role, purpose, justificationPresent, breakGlass);
        return binding.Scope is { } scope ? scope.Decide(fieldCoordinate) : new FieldDecision(false, binding.Code, binding.Message, null, null);
    }

    /// <summary>One-shot link decision.</summary>
    public LinkDecision DecideLink(string role, string? purpose, string linkField)
    {
        var binding = Bind(role, purpose, justificationPresent: true, breakGlass: false);
        return binding.Scope is { } scope ? scope.DecideLink(linkField) : new LinkDecision(false, binding.Code, binding.Message, null, linkField, null);
    }

    private static PurposeBinding Refuse(string code, string message, ImmutableArray<string> allowed) => new(false, code, message, allowed, null);

    private static string Key(string role, string purpose, bool breakGlass) => breakGlass ? $"{role}|{purpose}|!" : $"{role}|{purpose}";
}
