namespace ChildInfo.Gateway.Authorisation.Preferences;

/// <summary>Stable codes of the preference guard's own decisions (the policy's are in <c>DecisionCodes</c>).</summary>
public static class PreferenceGuardCodes
{
    /// <summary>A record's data-use preferences did not arrive with it, so the record is withheld.</summary>
    public const string PreferencesUnavailable = "PREFERENCES_UNAVAILABLE";
}
