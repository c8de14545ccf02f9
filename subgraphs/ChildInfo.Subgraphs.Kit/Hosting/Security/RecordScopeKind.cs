namespace ChildInfo.Subgraphs.Kit.Hosting.Security;

/// <summary>Which children's records the bound rule reaches, as the signed context's <c>scope</c> names it.</summary>
public enum RecordScopeKind
{
    /// <summary>No scope or one this subgraph does not know: no child's record is reached.</summary>
    Unknown,
    /// <summary>Children allocated to the caller, or to the team or organisation they act for.</summary>
    OwnCaseload,
    /// <summary>Pupils on the roll of the caller's school now.</summary>
    OwnSchoolRoll,
    /// <summary>Children attending the caller's early years setting now.</summary>
    OwnSetting,
    /// <summary>Every child (including break-glass).</summary>
    Everyone,
}
