namespace ChildInfo.Policies.Model;

/// <summary>The policy files' names for <see cref="RecordScope"/> values.</summary>
public static class RecordScopes
{
    public static string ToId(RecordScope scope) => scope switch
    {
        RecordScope.OwnCaseload => "own_caseload",
        RecordScope.OwnSchoolRoll => "own_school_roll",
        RecordScope.OwnSetting => "own_setting",
        _ => "everyone",
    };

    public static bool TryParse(string id, out RecordScope scope)
    {
        switch (id)
        {
            case "own_caseload": scope = RecordScope.OwnCaseload; return true;
            case "own_school_roll": scope = RecordScope.OwnSchoolRoll; return true;
            case "own_setting": scope = RecordScope.OwnSetting; return true;
            case "everyone": scope = RecordScope.Everyone; return true;
            default: scope = RecordScope.Everyone; return false;
        }
    }
}
