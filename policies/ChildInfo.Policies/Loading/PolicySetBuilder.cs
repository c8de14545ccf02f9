using System.Collections.Frozen;
using System.Collections.Immutable;
using ChildInfo.Policies.Model;

namespace ChildInfo.Policies.Loading;

/// <summary>Checks cross-references and contradictions in a <see cref="RawPolicy"/> and builds the <see cref="PolicySet"/>.</summary>
internal sealed class PolicySetBuilder(RawPolicy raw, IReadOnlyCollection<string> supergraphFields, List<PolicyError> errors, string firstFile)
{
    private readonly HashSet<string> _fields = [.. supergraphFields];

    public PolicySet Build(string hash)
    {
        var labels = Unique(raw.Labels, l => l.Id, "label")
            .ToDictionary(l => l.Id.Value, l => new Label(l.Id.Value, l.Description, l.RowLevel, l.Id.Location), StringComparer.Ordinal);
        // An agency is only a name: a registration document may declare one its vocabulary already names (so that the
        // document stands on its own, and registries saved before the vocabulary named it still load).
        var agencies = raw.Agencies.Select(a => a.Value).Distinct(StringComparer.Ordinal).ToImmutableArray();
        RequireSection(labels.Count, "labels");
        RequireSection(raw.Purposes.Count, "purposes");
        RequireSection(raw.Roles.Count, "roles");
        RequireSection(raw.Classifications.Count, "classifications");
        RequireSection(raw.Rules.Count, "rules");

        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, agency) in Unique(raw.Links, l => l.Field, "link"))
        {
            CheckField(field);
            Check(agencies.Contains(agency.Value), agency, PolicyErrorCodes.UnknownAgency, $"Unknown agency '{agency.Value}' for link '{field.Value}'.");
            links[field.Value] = agency.Value;
        }

        var categories = new Dictionary<string, ImmutableArray<string>>(StringComparer.Ordinal);
        foreach (var (category, categoryLabels) in Unique(raw.PreferenceCategories, c => c.Category, "preference category"))
        {
            var all = categoryLabels.Count == 1 && categoryLabels[0].Value == "all";
            if (!all)
            {
                CheckLabels(categoryLabels, labels);
            }

            categories[category.Value] = all ? [] : [.. categoryLabels.Select(l => l.Value)];
        }

        var purposes = Unique(raw.Purposes, p => p.Id, "purpose").ToDictionary(
            p => p.Id.Value,
            p => new Purpose(p.Id.Value, p.Description, p.LegalBasis, p.Justification, p.Aggregate, p.Override, p.Id.Location) { LinkageOnly = p.Linkage },
            StringComparer.Ordinal);

        var roles = new Dictionary<string, Role>(StringComparer.Ordinal);
        foreach (var (id, description, agency, rolePurposes) in Unique(raw.Roles, r => r.Id, "role"))
        {
            if (agency.Value.Length > 0)
            {
                Check(agencies.Contains(agency.Value), agency, PolicyErrorCodes.UnknownAgency, $"Role '{id.Value}' acts for unknown agency '{agency.Value}'.");
            }

            foreach (var purpose in rolePurposes)
            {
                Check(purposes.ContainsKey(purpose.Value), purpose, PolicyErrorCodes.UnknownPurpose, $"Role '{id.Value}' names unknown purpose '{purpose.Value}'.");
            }

            roles[id.Value] = new Role(id.Value, description, agency.Value, [.. rolePurposes.Select(p => p.Value)], id.Location);
        }

        var classifications = new Dictionary<string, ImmutableArray<string>>(StringComparer.Ordinal);
        var firstOfType = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var (field, fieldLabels) in Unique(raw.Classifications, c => c.Field, "classification"))
        {
            CheckField(field);
            CheckLabels(fieldLabels, labels);
            if (fieldLabels.Count == 0)
            {
                errors.Add(new PolicyError(PolicyErrorCodes.MissingValue, $"Field '{field.Value}' is given no label.", field.Location));
            }

            classifications[field.Value] = [.. fieldLabels.Select(l => l.Value)];
            firstOfType.TryAdd(TypeOf(field.Value), field.Location);
        }
        foreach (var field in supergraphFields.Order(StringComparer.Ordinal))
        {
            if (classifications.ContainsKey(field))
            {
                continue;
            }

            var where = firstOfType.TryGetValue(TypeOf(field), out var location) ? location
                : raw.FirstClassifications != SourceLocation.None ? raw.FirstClassifications : new SourceLocation(firstFile, 1, 1);
            errors.Add(new PolicyError(PolicyErrorCodes.UnclassifiedField,
                $"Field '{field}' of the supergraph has no classification; it would never be served.", where));
        }

        var rules = new List<PolicyRule>();
        var seen = new HashSet<(string, string)>();
        foreach (var rawRule in raw.Rules)
        {
            if (new PolicyRuleChecker(rawRule, labels, purposes, roles, links, agencies, errors).Check() is not { } rule)
            {
                continue;
            }

            if (!seen.Add((rule.Role, rule.Purpose)))
            {
                errors.Add(new PolicyError(PolicyErrorCodes.Duplicate, $"A second rule for role '{rule.Role}' and purpose '{rule.Purpose}'.", rule.Location));
            }
            else
            {
                rules.Add(rule);
            }
        }
        foreach (var role in roles.Values)
        {
            foreach (var purpose in role.Purposes)
            {
                if (purposes.ContainsKey(purpose) && !seen.Contains((role.Id, purpose)))
                {
                    errors.Add(new PolicyError(PolicyErrorCodes.MissingRule,
                        $"Role '{role.Id}' may use purpose '{purpose}' but no rule says what it sees under it.", role.Location));
                }
            }
        }

        return new PolicySet(
            labels.ToFrozenDictionary(StringComparer.Ordinal),
            purposes.ToFrozenDictionary(StringComparer.Ordinal),
            roles.ToFrozenDictionary(StringComparer.Ordinal),
            classifications.ToFrozenDictionary(StringComparer.Ordinal),
            links.ToFrozenDictionary(StringComparer.Ordinal),
            categories.ToFrozenDictionary(StringComparer.Ordinal),
            agencies,
            [.. rules],
            raw.Strict ?? false,
            raw.Version is { Length: > 0 } version ? $"{version}+{hash}" : hash);
    }

    private static string TypeOf(string coordinate)
    {
        var dot = coordinate.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? coordinate : coordinate[..dot];
    }

    private void CheckField(Located field) =>
        Check(_fields.Contains(field.Value), field, PolicyErrorCodes.UnknownField, $"'{field.Value}' is not a field of the supergraph.");

    private void CheckLabels(List<Located> used, Dictionary<string, Label> labels)
    {
        foreach (var label in used)
        {
            Check(labels.ContainsKey(label.Value), label, PolicyErrorCodes.UnknownLabel, $"Unknown label '{label.Value}'.");
        }
    }

    private void Check(bool ok, Located at, string code, string message)
    {
        if (!ok)
        {
            errors.Add(new PolicyError(code, message, at.Location));
        }
    }

    private void RequireSection(int count, string section)
    {
        if (count == 0)
        {
            errors.Add(new PolicyError(PolicyErrorCodes.MissingSection, $"No file has a '{section}' section.", new SourceLocation(firstFile, 1, 1)));
        }
    }

    private List<T> Unique<T>(List<T> items, Func<T, Located> id, string what)
    {
        var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var unique = new List<T>();
        foreach (var item in items)
        {
            var key = id(item);
            if (seen.TryGetValue(key.Value, out var first))
            {
                errors.Add(new PolicyError(PolicyErrorCodes.Duplicate, $"The {what} '{key.Value}' is already defined at {first}.", key.Location));
            }
            else
            {
                seen[key.Value] = key.Location;
                unique.Add(item);
            }
        }
        return unique;
    }
}
