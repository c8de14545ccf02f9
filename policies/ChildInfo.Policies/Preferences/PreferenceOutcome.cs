namespace ChildInfo.Policies.Preferences;

/// <summary>What a recorded preference does to this request.</summary>
public enum PreferenceOutcome
{
    /// <summary>It does not concern this role's agency or purpose, or the rule does not honour its code.</summary>
    NotApplicable,
    /// <summary>The data it covers is withheld.</summary>
    Withheld,
    /// <summary>It applies, but the purpose sets it aside (child protection); the override must be recorded.</summary>
    Overridden,
}
