using System.Collections.Immutable;
using ChildInfo.Policies.Model;

namespace ChildInfo.Policies.Loading;

/// <summary>Checks one rule against the vocabulary and for contradictions; returns the rule, or null if unusable.</summary>
internal sealed class PolicyRuleChecker(
    RawRule rule,
    Dictionary<string, Label> labels,
    Dictionary<string, Purpose> purposes,
    Dictionary<string, Role> roles,
    Dictionary<string, string> links,
    ImmutableArray<string> agencies,
    List<PolicyError> errors)
{
    /// <summary>The value of <c>links</c> that means every declared link field.</summary>
    public const string AllLinks = "all";

    /// <summary>The value of <c>combine</c> that means every declared agency.</summary>
    public const string AllAgencies = "all";

    public PolicyRule? Check()
    {
        if (rule.Role is not { } roleId || rule.Purpose is not { } purposeId || rule.Scope is not { } scopeId)
        {
            return null;
        }

        var usable = true;
        if (!roles.TryGetValue(roleId.Value, out var role))
        {
            Error(PolicyErrorCodes.UnknownRole, $"Unknown role '{roleId.Value}'.", roleId.Location);
            usable = false;
        }
        if (!purposes.TryGetValue(purposeId.Value, out var purpose))
        {
            Error(PolicyErrorCodes.UnknownPurpose, $"Unknown purpose '{purposeId.Value}'.", purposeId.Location);
            usable = false;
        }
        if (role is not null && purpose is not null && !role.Purposes.Contains(purpose.Id))
        {
            Error(PolicyErrorCodes.PurposeNotAllowedForRole,
                $"Role '{role.Id}' may not use purpose '{purpose.Id}' (its purposes: {List(role.Purposes)}); this rule could never apply.", purposeId.Location);
        }

        if (!RecordScopes.TryParse(scopeId.Value, out var scope))
        {
            Error(PolicyErrorCodes.InvalidValue, $"Unknown scope '{scopeId.Value}'; expected own_caseload, own_school_roll, own_setting or everyone.", scopeId.Location);
        }

        foreach (var label in rule.Visible.Concat(rule.Denied).Concat(rule.Records).Concat(rule.Counts))
        {
            if (!labels.ContainsKey(label.Value))
            {
                Error(PolicyErrorCodes.UnknownLabel, $"Unknown label '{label.Value}'.", label.Location);
            }
        }
        foreach (var denied in rule.Denied)
        {
            if (rule.Visible.Any(v => v.Value == denied.Value))
            {
                Error(PolicyErrorCodes.LabelVisibleAndDenied, $"Label '{denied.Value}' is both visible and denied in this rule.", denied.Location);
            }
        }
        // A rule records only what it may see (a recording answers with the entry it wrote), and only where the caller
        // has a relationship with the child: a scope of everyone (a MASH screening any child) reads, it does not write.
        foreach (var recorded in rule.Records)
        {
            if (!rule.Visible.Any(v => v.Value == recorded.Value))
            {
                Error(PolicyErrorCodes.RecordsNotVisible, $"The rule records label '{recorded.Value}' but does not make it visible; a rule records only what it may see.", recorded.Location);
            }
        }
        if (rule.Records.Count > 0 && RecordScopes.TryParse(scopeId.Value, out var recordingScope) && recordingScope == RecordScope.Everyone)
        {
            Error(PolicyErrorCodes.RecordsWithoutRelationship,
                "The rule records on a child's behalf but its scope is everyone; recording needs a relationship with the child (own_caseload, own_school_roll or own_setting).", rule.Records[0].Location);
        }
        // 'all' follows every declared link, including those a system owner registers later with a new subgraph.
        var allLinks = rule.Links.Any(l => l.Value == AllLinks);
        if (allLinks && rule.Links.Count > 1)
        {
            Error(PolicyErrorCodes.InvalidValue, $"'{AllLinks}' already names every link; list no other link beside it.", rule.Links[0].Location);
        }

        foreach (var link in rule.Links)
        {
            if (link.Value != AllLinks && !links.ContainsKey(link.Value))
            {
                Error(PolicyErrorCodes.UnknownLink, $"'{link.Value}' is not a declared link field (see the 'links' section).", link.Location);
            }
        }
        // 'combine' names the agencies whose conditions one aggregate question may link through the child index.
        var allAgencies = rule.Combine.Any(a => a.Value == AllAgencies);
        if (allAgencies && rule.Combine.Count > 1)
        {
            Error(PolicyErrorCodes.InvalidValue, $"'{AllAgencies}' already names every agency; list no other agency beside it.", rule.Combine[0].Location);
        }

        foreach (var agency in rule.Combine)
        {
            if (agency.Value != AllAgencies && !agencies.Contains(agency.Value))
            {
                Error(PolicyErrorCodes.UnknownAgency, $"Unknown agency '{agency.Value}' in 'combine'.", agency.Location);
            }
        }
        // 'identify' names the agencies whose identities the linkage job may read; 'all' names every declared agency.
        var identifyAll = rule.Identify.Any(a => a.Value == AllAgencies);
        if (identifyAll && rule.Identify.Count > 1)
        {
            Error(PolicyErrorCodes.InvalidValue, $"'{AllAgencies}' already names every agency; list no other agency beside it.", rule.Identify[0].Location);
        }

        foreach (var agency in rule.Identify)
        {
            if (agency.Value != AllAgencies && !agencies.Contains(agency.Value))
            {
                Error(PolicyErrorCodes.UnknownAgency, $"Unknown agency '{agency.Value}' in 'identify'.", agency.Location);
            }
        }

        foreach (var code in rule.Honoured ?? [])
        {
            if (!PreferenceCodes.All.Contains(code.Value))
            {
                Error(PolicyErrorCodes.UnknownPreferenceCode, $"Unknown data-use preference code '{code.Value}'; expected one of {List(PreferenceCodes.All)}.", code.Location);
            }
        }

        if (purpose is not null)
        {
            if (purpose.AggregateOnly)
            {
                foreach (var label in rule.Visible)
                {
                    if (labels.TryGetValue(label.Value, out var l) && l.RowLevel)
                    {
                        Error(PolicyErrorCodes.AggregateOnlyRowLevel,
                            $"Purpose '{purpose.Id}' is aggregate-only but the rule makes row-level label '{label.Value}' visible.", label.Location);
                    }
                }
                foreach (var recorded in rule.Records)
                {
                    Error(PolicyErrorCodes.AggregateOnlyRowLevel, $"Purpose '{purpose.Id}' is aggregate-only but the rule records label '{recorded.Value}' on a child's behalf.", recorded.Location);
                }

                foreach (var link in rule.Links)
                {
                    Error(PolicyErrorCodes.AggregateOnlyLink, $"Purpose '{purpose.Id}' is aggregate-only but the rule follows link '{link.Value}'.", link.Location);
                }
            }
            else
            {
                // Counting is for aggregate-only purposes, whose answers pass disclosure control; a row-level purpose
                // that could also count would let one caller set counts beside the rows they describe.
                foreach (var counted in rule.Counts.Concat(rule.Combine))
                {
                    Error(PolicyErrorCodes.CountsNotAggregate,
                        $"Purpose '{purpose.Id}' is row-level; only an aggregate-only purpose counts ('{counted.Value}').", counted.Location);
                }
            }
            if (purpose.LinkageOnly)
            {
                // Building the index reads identities to match them, nothing more: no child's record is shown,
                // followed, written or counted under it.
                foreach (var label in rule.Visible)
                {
                    if (labels.TryGetValue(label.Value, out var l) && l.RowLevel)
                    {
                        Error(PolicyErrorCodes.LinkageOnlyAccess, $"Purpose '{purpose.Id}' is linkage-only but the rule makes row-level label '{label.Value}' visible.", label.Location);
                    }
                }

                foreach (var other in rule.Links.Concat(rule.Records))
                {
                    Error(PolicyErrorCodes.LinkageOnlyAccess, $"Purpose '{purpose.Id}' is linkage-only: the rule may not follow links or record ('{other.Value}').", other.Location);
                }

                if (rule.BreakGlass)
                {
                    Error(PolicyErrorCodes.LinkageOnlyAccess, $"Purpose '{purpose.Id}' is linkage-only: break-glass opens no record under it.", rule.BreakGlassLocation);
                }
            }
            else
            {
                foreach (var identified in rule.Identify)
                {
                    Error(PolicyErrorCodes.IdentifyNotLinkage,
                        $"Purpose '{purpose.Id}' is not linkage-only; only a linkage-only purpose reads identities for linkage ('{identified.Value}').", identified.Location);
                }
            }

            if (rule.BreakGlass && !purpose.JustificationRequired)
            {
                Error(PolicyErrorCodes.BreakGlassWithoutJustification,
                    $"Break-glass is allowed but purpose '{purpose.Id}' requires no justification; break-glass always needs one.", rule.BreakGlassLocation);
            }

            if (rule.Override && !purpose.MayOverridePreferences)
            {
                Error(PolicyErrorCodes.OverrideNotPermitted,
                    $"Purpose '{purpose.Id}' has no legal power to override data-use preferences (may_override_preferences is false).", rule.OverrideLocation);
            }
        }

        if (!usable)
        {
            return null;
        }

        var honoured = rule.Honoured is null ? PreferenceCodes.All.ToImmutableArray() : [.. rule.Honoured.Select(c => c.Value)];
        return new PolicyRule(
            $"{roleId.Value}/{purposeId.Value}",
            roleId.Value,
            purposeId.Value,
            [.. rule.Visible.Select(l => l.Value).Distinct()],
            [.. rule.Denied.Select(l => l.Value).Distinct()],
            allLinks ? [.. links.Keys.Order(StringComparer.Ordinal)] : [.. rule.Links.Select(l => l.Value).Distinct()],
            scope,
            rule.BreakGlass,
            new PreferenceHandling(honoured, rule.Override),
            rule.Note,
            rule.Location)
        {
            Records = [.. rule.Records.Select(l => l.Value).Distinct()],
            Counts = [.. rule.Counts.Select(l => l.Value).Distinct()],
            Combine = allAgencies ? [.. agencies.Order(StringComparer.Ordinal)] : [.. rule.Combine.Select(a => a.Value).Distinct()],
            Identify = identifyAll ? [.. agencies.Order(StringComparer.Ordinal)] : [.. rule.Identify.Select(a => a.Value).Distinct()],
        };
    }

    private void Error(string code, string message, SourceLocation at) => errors.Add(new PolicyError(code, message, at));

    private static string List(IEnumerable<string> items) => string.Join(", ", items);
}
