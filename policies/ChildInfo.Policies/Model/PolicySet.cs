using System.Collections.Frozen;
using System.Collections.Immutable;

namespace ChildInfo.Policies.Model;

/// <summary>A complete, validated policy set. Immutable; build decisions from it with <c>PolicyEngine.Compile</c>.</summary>
/// <param name="Classifications">Labels of every field coordinate <c>Type.field</c>.</param>
/// <param name="Links">Link field coordinate (<c>Child.pupil</c>) to the agency whose record it follows.</param>
/// <param name="PreferenceCategories">
/// <c>DataUsePreference.dataCategory</c> value to the labels it covers; an empty list means every label (ALL).
/// </param>
/// <param name="Strict">Default for strict mode: reject an operation that asks for any denied field.</param>
public sealed record PolicySet(
    FrozenDictionary<string, Label> Labels,
    FrozenDictionary<string, Purpose> Purposes,
    FrozenDictionary<string, Role> Roles,
    FrozenDictionary<string, ImmutableArray<string>> Classifications,
    FrozenDictionary<string, string> Links,
    FrozenDictionary<string, ImmutableArray<string>> PreferenceCategories,
    ImmutableArray<string> Agencies,
    ImmutableArray<PolicyRule> Rules,
    bool Strict,
    string Version)
{
    public PolicyRule? FindRule(string role, string purpose)
    {
        foreach (var rule in Rules)
        {
            if (rule.Role == role && rule.Purpose == purpose)
            {
                return rule;
            }
        }
        return null;
    }
}
