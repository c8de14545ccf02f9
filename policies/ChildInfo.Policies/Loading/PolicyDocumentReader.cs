using ChildInfo.Policies.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ChildInfo.Policies.Loading;

/// <summary>Reads one YAML policy file into <see cref="RawPolicy"/>, reporting shape problems with their location.</summary>
internal sealed class PolicyDocumentReader(string file, RawPolicy raw, List<PolicyError> errors, IReadOnlySet<string>? allowedSections = null)
{
    public void Read(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            errors.Add(new PolicyError(PolicyErrorCodes.MalformedYaml, $"The file is not valid YAML: {Inner(e).Message}", At(e.Start)));
            return;
        }
        foreach (var document in stream.Documents)
        {
            if (document.RootNode is YamlScalarNode { Value: null or "" })
            {
                continue;
            }

            if (Expect<YamlMappingNode>(document.RootNode, "a mapping of sections") is not { } root)
            {
                continue;
            }

            foreach (var (key, value) in Entries(root))
            {
                if (allowedSections is not null && !allowedSections.Contains(key.Value))
                {
                    errors.Add(new PolicyError(PolicyErrorCodes.SectionNotAllowed,
                        $"A subgraph's registered document may hold only {string.Join(", ", allowedSections.Order(StringComparer.Ordinal))}; " +
                        $"'{key.Value}' belongs in the policy folder, where who may see what is decided.", key.Location));
                    continue;
                }

                switch (key.Value)
                {
                    case "labels": ReadLabels(value); break;
                    case "agencies": raw.Agencies.AddRange(Scalars(value)); break;
                    case "links": ReadPairs(value, (k, v) => raw.Links.Add((k, Scalar(v)))); break;
                    case "preference_categories": ReadPairs(value, (k, v) => raw.PreferenceCategories.Add((k, Scalars(v)))); break;
                    case "settings": ReadSettings(value); break;
                    case "purposes": ReadPurposes(value); break;
                    case "roles": ReadRoles(value); break;
                    case "classifications":
                        if (raw.FirstClassifications == SourceLocation.None)
                        {
                            raw.FirstClassifications = key.Location;
                        }

                        ReadPairs(value, (k, v) => raw.Classifications.Add((k, Scalars(v))));
                        break;
                    case "rules": ReadRules(value); break;
                    default: UnknownKey(key, "labels, agencies, links, preference_categories, settings, purposes, roles, classifications, rules"); break;
                }
            }
        }
    }

    private void ReadLabels(YamlNode node) => ReadPairs(node, (id, value) =>
    {
        if (value is YamlScalarNode scalar)
        {
            raw.Labels.Add((id, scalar.Value ?? "", true));
            return;
        }
        string description = "";
        var rowLevel = true;
        foreach (var (key, v) in Entries(value))
        {
            switch (key.Value)
            {
                case "description": description = Scalar(v).Value; break;
                case "row_level": rowLevel = Bool(v); break;
                default: UnknownKey(key, "description, row_level"); break;
            }
        }
        raw.Labels.Add((id, description, rowLevel));
    });

    private void ReadSettings(YamlNode node)
    {
        foreach (var (key, v) in Entries(node))
        {
            switch (key.Value)
            {
                case "strict": raw.Strict = Bool(v); break;
                case "version": raw.Version = Scalar(v).Value; break;
                default: UnknownKey(key, "strict, version"); break;
            }
        }
    }

    private void ReadPurposes(YamlNode node) => ReadPairs(node, (id, value) =>
    {
        string description = "", basis = "";
        bool justification = false, aggregate = false, overrides = false, linkage = false;
        foreach (var (key, v) in Entries(value))
        {
            switch (key.Value)
            {
                case "description": description = Scalar(v).Value; break;
                case "legal_basis": basis = Scalar(v).Value; break;
                case "justification_required": justification = Bool(v); break;
                case "aggregate_only": aggregate = Bool(v); break;
                case "may_override_preferences": overrides = Bool(v); break;
                case "linkage_only": linkage = Bool(v); break;
                default: UnknownKey(key, "description, legal_basis, justification_required, aggregate_only, linkage_only, may_override_preferences"); break;
            }
        }
        if (basis.Length == 0)
        {
            errors.Add(new PolicyError(PolicyErrorCodes.MissingValue, $"Purpose '{id.Value}' has no legal_basis.", id.Location));
        }

        if (aggregate && linkage)
        {
            errors.Add(new PolicyError(PolicyErrorCodes.InvalidValue, $"Purpose '{id.Value}' cannot be both aggregate_only and linkage_only.", id.Location));
        }

        raw.Purposes.Add((id, description, basis, justification, aggregate, overrides, linkage));
    });

    private void ReadRoles(YamlNode node) => ReadPairs(node, (id, value) =>
    {
        string description = "";
        Located agency = new("", id.Location);
        List<Located> purposes = [];
        foreach (var (key, v) in Entries(value))
        {
            switch (key.Value)
            {
                case "description": description = Scalar(v).Value; break;
                case "agency": agency = Scalar(v); break;
                case "purposes": purposes = Scalars(v); break;
                default: UnknownKey(key, "description, agency, purposes"); break;
            }
        }
        if (agency.Value.Length == 0)
        {
            errors.Add(new PolicyError(PolicyErrorCodes.MissingValue, $"Role '{id.Value}' has no agency.", id.Location));
        }

        raw.Roles.Add((id, description, agency, purposes));
    });

    private void ReadRules(YamlNode node)
    {
        if (Expect<YamlSequenceNode>(node, "a list of rules") is not { } list)
        {
            return;
        }

        foreach (var item in list.Children)
        {
            if (Expect<YamlMappingNode>(item, "a rule (a mapping)") is null)
            {
                continue;
            }

            var rule = new RawRule { Location = At(item.Start) };
            foreach (var (key, v) in Entries(item))
            {
                switch (key.Value)
                {
                    case "role": rule.Role = Scalar(v); break;
                    case "purpose": rule.Purpose = Scalar(v); break;
                    case "visible": rule.Visible.AddRange(Scalars(v)); break;
                    case "denied": rule.Denied.AddRange(Scalars(v)); break;
                    case "links": rule.Links.AddRange(Scalars(v)); break;
                    case "records": rule.Records.AddRange(Scalars(v)); break;
                    case "counts": rule.Counts.AddRange(Scalars(v)); break;
                    case "combine": rule.Combine.AddRange(Scalars(v)); break;
                    case "identify": rule.Identify.AddRange(Scalars(v)); break;
                    case "scope": rule.Scope = Scalar(v); break;
                    case "break_glass": rule.BreakGlass = Bool(v); rule.BreakGlassLocation = At(v.Start); break;
                    case "note": rule.Note = Scalar(v).Value; break;
                    case "preferences": ReadRulePreferences(v, rule); break;
                    default: UnknownKey(key, "role, purpose, visible, denied, links, records, counts, combine, identify, scope, break_glass, preferences, note"); break;
                }
            }
            if (rule.Role is null)
            {
                errors.Add(new PolicyError(PolicyErrorCodes.MissingValue, "The rule names no role.", rule.Location));
            }

            if (rule.Purpose is null)
            {
                errors.Add(new PolicyError(PolicyErrorCodes.MissingValue, "The rule names no purpose.", rule.Location));
            }

            if (rule.Scope is null)
            {
                errors.Add(new PolicyError(PolicyErrorCodes.MissingValue, "The rule names no scope.", rule.Location));
            }

            raw.Rules.Add(rule);
        }
    }

    private void ReadRulePreferences(YamlNode node, RawRule rule)
    {
        foreach (var (key, v) in Entries(node))
        {
            switch (key.Value)
            {
                case "honour": rule.Honoured = Scalars(v); break;
                case "override": rule.Override = Bool(v); rule.OverrideLocation = At(v.Start); break;
                default: UnknownKey(key, "honour, override"); break;
            }
        }
    }

    private void ReadPairs(YamlNode node, Action<Located, YamlNode> read)
    {
        foreach (var (key, value) in Entries(node))
        {
            read(key, value);
        }
    }

    private IEnumerable<(Located Key, YamlNode Value)> Entries(YamlNode node)
    {
        if (Expect<YamlMappingNode>(node, "a mapping") is not { } mapping)
        {
            yield break;
        }

        foreach (var entry in mapping.Children)
        {
            yield return (Scalar(entry.Key), entry.Value);
        }
    }

    private Located Scalar(YamlNode node)
    {
        if (node is YamlScalarNode scalar)
        {
            return new Located(scalar.Value ?? "", At(node.Start));
        }

        errors.Add(new PolicyError(PolicyErrorCodes.UnexpectedShape, "Expected a single value here.", At(node.Start)));
        return new Located("", At(node.Start));
    }

    private List<Located> Scalars(YamlNode node)
    {
        if (node is YamlScalarNode { Value: { Length: > 0 } })
        {
            return [Scalar(node)];
        }

        if (node is YamlScalarNode)
        {
            return [];
        }

        if (Expect<YamlSequenceNode>(node, "a list of values") is not { } list)
        {
            return [];
        }

        return [.. list.Children.Select(Scalar)];
    }

    private bool Bool(YamlNode node)
    {
        var value = Scalar(node);
        switch (value.Value)
        {
            case "true": return true;
            case "false": return false;
            default:
                errors.Add(new PolicyError(PolicyErrorCodes.InvalidValue, $"Expected true or false, found '{value.Value}'.", value.Location));
                return false;
        }
    }

    private T? Expect<T>(YamlNode node, string what) where T : YamlNode
    {
        if (node is T typed)
        {
            return typed;
        }

        errors.Add(new PolicyError(PolicyErrorCodes.UnexpectedShape, $"Expected {what} here.", At(node.Start)));
        return null;
    }

    private void UnknownKey(Located key, string expected) =>
        errors.Add(new PolicyError(PolicyErrorCodes.UnknownKey, $"Unknown key '{key.Value}'; expected one of: {expected}.", key.Location));

    private SourceLocation At(Mark mark) => new(file, (int)mark.Line, (int)mark.Column);

    private static Exception Inner(Exception e) => e.InnerException is YamlException inner ? inner : e;
}
