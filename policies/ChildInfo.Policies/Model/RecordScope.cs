namespace ChildInfo.Policies.Model;

/// <summary>Which children's records a rule reaches.</summary>
public enum RecordScope
{
    /// <summary>Children allocated to the practitioner (or their team, for a manager).</summary>
    OwnCaseload,
    /// <summary>Pupils on the roll of the practitioner's school.</summary>
    OwnSchoolRoll,
    /// <summary>Children attending the practitioner's early years setting.</summary>
    OwnSetting,
    /// <summary>Every child the services hold.</summary>
    Everyone,
}
