using System.Collections.Immutable;
using System.Text;
using ChildInfo.Policies.Decisions;
using ChildInfo.Policies.Model;

namespace ChildInfo.Policies.Explanation;

/// <summary>Explains, for a role and purpose, what is visible and linkable, the scope, break-glass, preferences and legal basis.</summary>
public sealed class PolicyExplainer(PolicyEngine engine)
{
    public PolicyExplanation Explain(string role, string purpose)
    {
        var set = engine.Set;
        set.Roles.TryGetValue(role, out var r);
        set.Purposes.TryGetValue(purpose, out var p);
        var binding = engine.Bind(role, purpose, justificationPresent: true, breakGlass: false);
        if (binding.Scope is not { } scope)
        {
            return new PolicyExplanation(role, r?.Description ?? "unknown role", purpose, p?.Description ?? "unknown purpose", false,
                binding.Message, binding.AllowedPurposes, p?.LegalBasis ?? "", p?.JustificationRequired ?? false, p?.AggregateOnly ?? false,
                null, "", "none", false, [], [], [], [], false);
        }

        var byLabel = set.Labels.Keys.ToDictionary(l => l, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var (field, labels) in set.Classifications)
        {
            foreach (var label in labels)
            {
                byLabel[label].Add(field);
            }
        }
        var visible = ImmutableArray.CreateBuilder<LabelExplanation>();
        var withheld = ImmutableArray.CreateBuilder<LabelExplanation>();
        foreach (var label in set.Labels.Values.OrderBy(l => l.Id, StringComparer.Ordinal))
        {
            var fields = byLabel[label.Id].Order(StringComparer.Ordinal).ToList();
            var served = fields.Where(f => scope.Decide(f).Allowed).ToImmutableArray();
            var notServed = fields.Where(f => !scope.Decide(f).Allowed).ToImmutableArray();
            if (scope.Purpose.AggregateOnly && label.RowLevel)
            {
                withheld.Add(new(label.Id, label.Description, "aggregate-only purpose: row-level data is never returned", [.. fields]));
            }
            else if (scope.Rule.Denied.Contains(label.Id))
            {
                withheld.Add(new(label.Id, label.Description, "denied by the rule", [.. fields]));
            }
            else if (!scope.Rule.Visible.Contains(label.Id))
            {
                withheld.Add(new(label.Id, label.Description, "not among the rule's visible labels", [.. fields]));
            }
            else
            {
                visible.Add(new(label.Id, label.Description,
                    notServed.IsEmpty ? "visible" : $"visible where the field's other labels are too ({notServed.Length} field(s) withheld for another label or link)",
                    served));
            }
        }
        var links = set.Links.OrderBy(l => l.Key, StringComparer.Ordinal)
            .Select(l => scope.DecideLink(l.Key))
            .Select(d => new LinkExplanation(d.LinkField, d.Agency ?? "", d.Allowed, d.Reason))
            .ToImmutableArray();

        return new PolicyExplanation(role, scope.Role.Description, purpose, scope.Purpose.Description, true,
            $"Role '{role}' may act for purpose '{purpose}' under rule {scope.Rule.Id}.", binding.AllowedPurposes,
            scope.Purpose.LegalBasis, scope.Purpose.JustificationRequired, scope.Purpose.AggregateOnly, scope.Rule.Id, scope.Rule.Note,
            RecordScopes.ToId(scope.Rule.Scope), scope.Rule.BreakGlass, visible.ToImmutable(), withheld.ToImmutable(), links,
            scope.Rule.Preferences.Honoured, scope.Rule.Preferences.Override);
    }

    /// <summary>The explanation as plain text a data protection officer can read.</summary>
    public string ExplainText(string role, string purpose) => ToText(Explain(role, purpose));

    public static string ToText(PolicyExplanation e)
    {
        var text = new StringBuilder();
        text.AppendLine($"Role: {e.Role} ({e.RoleDescription})");
        text.AppendLine($"Purpose: {e.Purpose} ({e.PurposeDescription})");
        if (!e.Permitted)
        {
            text.AppendLine($"Not permitted. {e.Summary}");
            return text.ToString();
        }
        text.AppendLine($"Rule: {e.Rule}. {e.Note}");
        text.AppendLine($"Legal basis: {e.LegalBasis}");
        text.AppendLine($"Justification required: {(e.JustificationRequired ? "yes (for example a case reference)" : "no")}");
        text.AppendLine($"Aggregate-only: {(e.AggregateOnly ? "yes - no individual child's record is returned" : "no")}");
        text.AppendLine($"Record scope: {e.RecordScope.Replace('_', ' ')}");
        text.AppendLine($"Break-glass: {(e.BreakGlass ? "allowed, with a mandatory justification; every use is flagged for review" : "not allowed")}");
        text.AppendLine();
        text.AppendLine("Visible:");
        foreach (var label in e.Visible)
        {
            text.AppendLine($"  {label.Label}: {label.Description} [{label.Fields.Length} field(s): {string.Join(", ", label.Fields)}]");
        }

        if (e.Visible.IsEmpty)
        {
            text.AppendLine("  nothing about an individual child");
        }

        text.AppendLine("Withheld:");
        foreach (var label in e.Withheld)
        {
            text.AppendLine($"  {label.Label}: {label.Reason}");
        }

        text.AppendLine("Links:");
        foreach (var link in e.Links)
        {
            text.AppendLine($"  {link.LinkField} -> {link.Agency}: {(link.Allowed ? "may be followed" : "not followed")}");
        }

        text.AppendLine("Data-use preferences:");
        text.AppendLine($"  honoured: {string.Join(", ", e.HonouredPreferences)}");
        text.AppendLine(e.OverridesPreferences
            ? "  this purpose may override them (DPA 2018 Schedule 1 paragraph 18); every override is recorded and flagged"
            : "  never overridden under this purpose");
        return text.ToString();
    }
}
