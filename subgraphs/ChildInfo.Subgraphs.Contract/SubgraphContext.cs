namespace ChildInfo.Subgraphs.Contract;

/// <summary>
/// Who the gateway is asking for and why, as signed into the <c>ChildInfo-Context</c> header of one subgraph call
/// (DESIGN.md section 5, defence in depth), and what the signature is bound to: one subgraph (<see cref="Audience"/>)
/// and one request body (<see cref="BodyHash"/>), for a short time.
/// </summary>
/// <param name="User">The caller's user id (<c>sub</c>).</param>
/// <param name="Role">The role the request acts in (<c>role</c>).</param>
/// <param name="Purpose">The declared purpose (<c>purpose</c>).</param>
/// <param name="RequestId">The gateway's request id (<c>rid</c>), for joining logs and the audit.</param>
public sealed record SubgraphContext(string User, string Role, string Purpose, string RequestId)
{
    /// <summary>The caller's justification, for example a case reference (<c>justification</c>); null when none was given.</summary>
    public string? Justification { get; init; }

    /// <summary>The record scope of the bound rule, for example <c>OwnCaseload</c> (<c>scope</c>); null when none.</summary>
    public string? Scope { get; init; }

    /// <summary>The bound rule's id, for example <c>social_worker/child_protection</c> (<c>rule</c>); null when none.</summary>
    public string? Rule { get; init; }

    /// <summary>The caller's organisation as a relationship holder (<c>org</c>); null when none.</summary>
    public string? Organisation { get; init; }

    /// <summary>The team whose caseload the caller acts for (<c>team</c>); null when none.</summary>
    public string? Team { get; init; }

    /// <summary>The URN of the caller's school (<c>school_urn</c>); null when none.</summary>
    public string? School { get; init; }

    /// <summary>The URN of the caller's early years setting (<c>setting_urn</c>); null when none.</summary>
    public string? Setting { get; init; }

    /// <summary>
    /// The labels whose fields the subgraph may return for this call (<c>labels</c>): those the bound rule makes
    /// visible, and the ones the gateway itself reads to enforce the policy (data-use preferences). A label the rule
    /// may record on a child's behalf is there once more with <see cref="RecordingLabelPrefix"/> (<c>record:voice</c>),
    /// which a subgraph requires for the fields of its mutation root type, and a label an aggregate-only purpose may count
    /// is there with <see cref="CountingLabelPrefix"/> (<c>count:protection</c>). Empty when the context carries none, so
    /// nothing labelled is served and nothing is recorded.
    /// </summary>
    public IReadOnlySet<string> Labels { get; init; } = EmptySet;

    /// <summary>
    /// Marks a label the bound rule may record (<c>record:preference</c>); the policies write the same prefix
    /// (<c>ChildInfo.Policies.Decisions.PolicyScope.RecordingLabelPrefix</c>).
    /// </summary>
    public const string RecordingLabelPrefix = "record:";

    /// <summary>
    /// Marks a label the bound rule may count but never read row by row (<c>count:protection</c>): an aggregate-only
    /// purpose's context carries these instead of plain labels, and a subgraph serves its cohort fields
    /// (<c>_cohortFacts</c>, <c>_cohortMembers</c>: record keys, no values) only for a fact whose label is there with
    /// this prefix. A row-level context never carries them, and an aggregate context carries no plain label, so
    /// neither kind of caller reaches the other's fields.
    /// </summary>
    public const string CountingLabelPrefix = "count:";

    /// <summary>
    /// Marks an agency whose records' identifying fields the context may read for linkage (<c>identify:education</c>):
    /// only the linkage job's context (purpose <c>record_linkage</c>) carries these, and an agency serves its
    /// <c>_linkageRecords</c> only to a context that carries its own name with this prefix. A practitioner's or an
    /// analyst's context never carries them.
    /// </summary>
    public const string IdentifyingLabelPrefix = "identify:";

    /// <summary>The link fields (<c>Child.pupil</c>...) the bound rule allows to be followed (<c>links</c>).</summary>
    public IReadOnlySet<string> Links { get; init; } = EmptySet;

    /// <summary>The one subgraph the context is for, by the name the gateway knows it by (<c>aud</c>).</summary>
    public string? Audience { get; init; }

    /// <summary>
    /// The call's request body the context is bound to, as <see cref="SubgraphContextToken.BodyHash"/> gives it
    /// (<c>body_sha256</c>).
    /// </summary>
    public string? BodyHash { get; init; }

    /// <summary>When the gateway signed the context (<c>iat</c>).</summary>
    public DateTimeOffset IssuedAt { get; init; }

    /// <summary>When the context stops being accepted (<c>exp</c>).</summary>
    public DateTimeOffset ExpiresAt { get; init; }

    private static readonly IReadOnlySet<string> EmptySet = System.Collections.Frozen.FrozenSet<string>.Empty;
}
