using System.Collections.Frozen;
using System.Collections.Immutable;
using ChildInfo.Policies.Model;
using ChildInfo.Policies.Preferences;

namespace ChildInfo.Policies.Decisions;

/// <summary>
/// Everything decided for one (role, purpose, break-glass): a field decision per classified coordinate, a link
/// decision per link field, the record scope and preference handling. Built once per policy set; its
/// <see cref="CacheKey"/> can scope a plan cache, since two requests with the same key get the same decisions.
/// </summary>
public sealed class PolicyScope
{
    private static readonly FieldDecision Unclassified = new(false, DecisionCodes.UnclassifiedField,
        "The field has no classification, so it is never served.", null, null);

    private readonly FrozenDictionary<string, FieldDecision> _fields;
    private readonly FrozenDictionary<string, LinkDecision> _links;
    private readonly FrozenDictionary<string, ImmutableArray<string>> _preferenceCategories;

    internal PolicyScope(PolicySet set, Role role, Purpose purpose, PolicyRule rule, bool breakGlass)
    {
        Role = role;
        Purpose = purpose;
        Rule = rule;
        BreakGlass = breakGlass;
        RecordScope = breakGlass ? RecordScope.Everyone : rule.Scope;
        Strict = set.Strict;
        CacheKey = $"{set.Version}|{role.Id}|{purpose.Id}|{(breakGlass ? "break-glass" : "normal")}";
        VisibleLabels = [.. rule.Visible];
        RecordableLabels = breakGlass || purpose.AggregateOnly ? [] : rule.Records;
        ReleasableLabels = [.. rule.Visible.Where(label => !purpose.AggregateOnly || !set.Labels.TryGetValue(label, out var l) || !l.RowLevel),
            .. RecordableLabels.Select(label => RecordingLabelPrefix + label)];
        _preferenceCategories = set.PreferenceCategories;
        _links = set.Links.ToFrozenDictionary(l => l.Key, l => DecideLink(rule, purpose, l.Key, l.Value), StringComparer.Ordinal);
        _fields = set.Classifications.ToFrozenDictionary(
            c => c.Key, c => IsRecording(c.Key) ? DecideRecording(rule, purpose, breakGlass, c.Value) : DecideField(set, rule, purpose, c.Key, c.Value),
            StringComparer.Ordinal);
        CountableLabels = purpose.AggregateOnly ? rule.Counts : [];
        CountingLabels = [.. CountableLabels.Select(label => CountingLabelPrefix + label)];
        IdentifiableAgencies = purpose.LinkageOnly ? rule.Identify : [];
        IdentifyingLabels = [.. IdentifiableAgencies.Select(agency => IdentifyingLabelPrefix + agency)];
        FollowableLinks = [.. _links.Values.Where(l => l.Allowed).Select(l => l.LinkField).Order(StringComparer.Ordinal)];
    }

    public string CacheKey { get; }
    public Role Role { get; }
    public Purpose Purpose { get; }
    public PolicyRule Rule { get; }
    public bool BreakGlass { get; }
    public RecordScope RecordScope { get; }
    public bool Strict { get; }
    public ImmutableArray<string> VisibleLabels { get; }

    /// <summary>
    /// The labels whose fields may leave an agency under this scope: the visible ones, less row-level labels when the
    /// purpose is aggregate-only; and, marked with <see cref="RecordingLabelPrefix"/>, the <see cref="RecordableLabels"/>.
    /// What the gateway signs into each subgraph call, for the subgraph's own check.
    /// </summary>
    public ImmutableArray<string> ReleasableLabels { get; }

    /// <summary>The labels this scope may record on a child's behalf: the rule's, never under break-glass or for counts.</summary>
    public ImmutableArray<string> RecordableLabels { get; }

    /// <summary>
    /// Marks a recordable label among <see cref="ReleasableLabels"/> (<c>record:voice</c>), so that a subgraph can tell,
    /// from the signed context alone, what the rule may record; the subgraph contract reads the same prefix
    /// (<c>ChildInfo.Subgraphs.Contract.SubgraphContext.RecordingLabelPrefix</c>).
    /// </summary>
    public const string RecordingLabelPrefix = "record:";

    /// <summary>The labels an aggregate question may count by under this scope: the rule's, for aggregate-only purposes only.</summary>
    public ImmutableArray<string> CountableLabels { get; }

    /// <summary>
    /// <see cref="CountableLabels"/> marked with <see cref="CountingLabelPrefix"/> (<c>count:protection</c>): signed
    /// into the calls of an aggregate question only, so a subgraph serves its cohort fields to nothing else.
    /// </summary>
    public ImmutableArray<string> CountingLabels { get; }

    /// <summary>
    /// Marks a countable label in a subgraph call's signed context; the subgraph contract reads the same prefix
    /// (<c>ChildInfo.Subgraphs.Contract.SubgraphContext.CountingLabelPrefix</c>).
    /// </summary>
    public const string CountingLabelPrefix = "count:";

    /// <summary>Whether an aggregate question may count children by data carrying <paramref name="label"/>.</summary>
    public CountDecision DecideCount(string label)
    {
        if (!Purpose.AggregateOnly)
        {
            return new(false, DecisionCodes.NotAggregate,
                $"Purpose '{Purpose.Id}' is for work with one child's record; aggregate questions need an aggregate-only purpose.", Rule.Id);
        }

        return CountableLabels.Contains(label)
            ? new(true, DecisionCodes.Allowed, $"Rule {Rule.Id} allows counting by '{label}'.", Rule.Id)
            : new(false, DecisionCodes.CountNotAllowed, $"Rule {Rule.Id} does not allow counting by '{label}'.", Rule.Id);
    }

    /// <summary>
    /// Whether one aggregate question may link the data of <paramref name="agencies"/> through the child index: one
    /// agency alone needs no link; two or more must all be in the rule's <c>combine</c>.
    /// </summary>
    public CountDecision DecideCombination(IReadOnlyCollection<string> agencies)
    {
        ArgumentNullException.ThrowIfNull(agencies);
        if (!Purpose.AggregateOnly)
        {
            return new(false, DecisionCodes.NotAggregate,
                $"Purpose '{Purpose.Id}' is for work with one child's record; aggregate questions need an aggregate-only purpose.", Rule.Id);
        }

        if (agencies.Count < 2)
        {
            return new(true, DecisionCodes.Allowed, "One agency's data alone links nothing.", Rule.Id);
        }

        var outside = agencies.Where(a => !Rule.Combine.Contains(a)).Order(StringComparer.Ordinal).ToList();
        return outside.Count == 0
            ? new(true, DecisionCodes.Allowed, $"Rule {Rule.Id} allows linking {string.Join(", ", agencies.Order(StringComparer.Ordinal))} in one question.", Rule.Id)
            : new(false, DecisionCodes.CombinationNotAllowed,
                $"Rule {Rule.Id} does not allow linking {string.Join(", ", outside)} with other agencies' data in one question.", Rule.Id);
    }

    /// <summary>The agencies whose identities the linkage job may read under this scope: the rule's, for linkage-only purposes only.</summary>
    public ImmutableArray<string> IdentifiableAgencies { get; }

    /// <summary>
    /// <see cref="IdentifiableAgencies"/> marked with <see cref="IdentifyingLabelPrefix"/> (<c>identify:education</c>):
    /// signed into the linkage job's calls only, so an agency serves its identities for linkage to nothing else.
    /// </summary>
    public ImmutableArray<string> IdentifyingLabels { get; }

    /// <summary>
    /// Marks an agency whose identities may be read in a subgraph call's signed context; the subgraph contract reads
    /// the same prefix (<c>ChildInfo.Subgraphs.Contract.SubgraphContext.IdentifyingLabelPrefix</c>).
    /// </summary>
    public const string IdentifyingLabelPrefix = "identify:";

    /// <summary>Whether the linkage job may read the identifying fields of <paramref name="agency"/>'s records under this scope.</summary>
    public CountDecision DecideIdentify(string agency)
    {
        if (!Purpose.LinkageOnly)
        {
            return new(false, DecisionCodes.NotLinkage,
                $"Purpose '{Purpose.Id}' is not for building the child index; reading identities for linkage needs a linkage-only purpose.", Rule.Id);
        }

        return IdentifiableAgencies.Contains(agency)
            ? new(true, DecisionCodes.Allowed, $"Rule {Rule.Id} allows reading the {agency} records' identities for linkage.", Rule.Id)
            : new(false, DecisionCodes.IdentifyNotAllowed, $"Rule {Rule.Id} does not allow reading the {agency} records' identities for linkage.", Rule.Id);
    }

    /// <summary>The link fields this scope may follow, in order.</summary>
    public ImmutableArray<string> FollowableLinks { get; }

    /// <summary>The decision for a field coordinate <c>Type.field</c>: a dictionary lookup.</summary>
    public FieldDecision Decide(string fieldCoordinate) =>
        _fields.TryGetValue(fieldCoordinate, out var decision) ? decision : Unclassified;

    /// <summary>Whether a link field (<c>Child.pupil</c>...) may be followed.</summary>
    public LinkDecision DecideLink(string linkField) =>
        _links.TryGetValue(linkField, out var decision) ? decision
            : new LinkDecision(false, DecisionCodes.UnknownLink, $"'{linkField}' is not a declared link field.", Rule.Id, linkField, null);

    /// <summary>Every field decision of this scope, by coordinate.</summary>
    public IReadOnlyDictionary<string, FieldDecision> Fields => _fields;

    /// <summary>Every link decision of this scope, by link field.</summary>
    public IReadOnlyDictionary<string, LinkDecision> Links => _links;

    /// <summary>Applies the rule's preference handling to the preferences recorded for one child.</summary>
    public PreferenceEvaluation EvaluatePreferences(IEnumerable<RecordedPreference> preferences) =>
        PreferenceEvaluator.Evaluate(this, _preferenceCategories, preferences);

    private static LinkDecision DecideLink(PolicyRule rule, Purpose purpose, string linkField, string agency)
    {
        if (purpose.AggregateOnly)
        {
            return new(false, DecisionCodes.AggregateOnly, $"Purpose '{purpose.Id}' is aggregate-only: no child's record is linked.", rule.Id, linkField, agency);
        }

        return rule.Links.Contains(linkField)
            ? new(true, DecisionCodes.Allowed, $"Rule {rule.Id} allows linking to the {agency} record.", rule.Id, linkField, agency)
            : new(false, DecisionCodes.LinkNotAllowed, $"Rule {rule.Id} does not allow linking to the {agency} record.", rule.Id, linkField, agency);
    }

    /// <summary>The root type whose fields record something on a child's behalf rather than show it.</summary>
    public const string RecordingRootType = "Mutation";

    /// <summary>Whether a coordinate is a field of <see cref="RecordingRootType"/>: a write, decided on the rule's <c>records</c>.</summary>
    public static bool IsRecording(string fieldCoordinate) =>
        fieldCoordinate.StartsWith(RecordingRootType + ".", StringComparison.Ordinal);

    /// <summary>
    /// A recording is allowed when the rule records every label of the field. Never for an aggregate-only purpose, and
    /// never under break-glass: emergency access opens a record to read, it gives no relationship to write in it.
    /// </summary>
    private static FieldDecision DecideRecording(PolicyRule rule, Purpose purpose, bool breakGlass, ImmutableArray<string> labels)
    {
        if (purpose.AggregateOnly)
        {
            return new(false, DecisionCodes.AggregateOnly, $"Purpose '{purpose.Id}' is aggregate-only: nothing is recorded on a child's behalf.", rule.Id, labels[0]);
        }

        if (breakGlass)
        {
            return new(false, DecisionCodes.RecordingNotAllowed,
                $"Emergency access (break-glass) under rule {rule.Id} is for reading; nothing may be recorded on a child's behalf with it.", rule.Id, labels[0]);
        }

        foreach (var label in labels)
        {
            if (!rule.Records.Contains(label))
            {
                return new(false, DecisionCodes.RecordingNotAllowed, $"Rule {rule.Id} does not allow recording '{label}' on a child's behalf.", rule.Id, label);
            }
        }
        return new(true, DecisionCodes.Allowed, $"Rule {rule.Id} allows recording '{string.Join("', '", labels)}' on a child's behalf.", rule.Id, labels[0]);
    }

    private static FieldDecision DecideField(PolicySet set, PolicyRule rule, Purpose purpose, string coordinate, ImmutableArray<string> labels)
    {
        if (purpose.AggregateOnly)
        {
            foreach (var label in labels)
            {
                if (set.Labels[label].RowLevel)
                {
                    return new(false, DecisionCodes.AggregateOnly,
                        $"Purpose '{purpose.Id}' is aggregate-only; '{label}' is row-level data about a child.", rule.Id, label);
                }
            }
        }
        if (set.Links.TryGetValue(coordinate, out var agency) && !rule.Links.Contains(coordinate))
        {
            return new(false, DecisionCodes.LinkNotAllowed, $"Rule {rule.Id} does not allow linking to the {agency} record.", rule.Id, labels[0]);
        }

        foreach (var label in labels)
        {
            if (rule.Denied.Contains(label))
            {
                return new(false, DecisionCodes.LabelDenied, $"Rule {rule.Id} denies label '{label}'.", rule.Id, label);
            }

            if (!rule.Visible.Contains(label))
            {
                return new(false, DecisionCodes.LabelNotVisible, $"Label '{label}' is not visible under rule {rule.Id}.", rule.Id, label);
            }
        }
        return new(true, DecisionCodes.Allowed, $"Rule {rule.Id} makes '{string.Join("', '", labels)}' visible.", rule.Id, labels[0]);
    }
}
