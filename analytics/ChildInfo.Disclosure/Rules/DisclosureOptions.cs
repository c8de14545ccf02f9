namespace ChildInfo.Disclosure.Rules;

/// <summary>
/// Disclosure control settings, bound from configuration by the host (section <c>Disclosure</c>): the secret for
/// record keys, the default rules and any purpose's own rules. A purpose without its own entry gets the default.
/// </summary>
public sealed record DisclosureOptions
{
    /// <summary>Secret for record keys (HMAC-SHA256), at least 32 bytes; from configuration or a secret store, never from a question.</summary>
    public required byte[] RecordKeySecret { get; init; }

    /// <summary>Rules for purposes without their own entry; the gateway default unless configured.</summary>
    public DisclosureRules Default { get; init; } = new();

    /// <summary>Rules by purpose id (for example <c>research</c> with <c>SuppressUpTo: 9</c>).</summary>
    public Dictionary<string, DisclosureRules> Purposes { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The rules for a purpose.</summary>
    public DisclosureRules RulesFor(string purpose) => Purposes.TryGetValue(purpose, out var rules) ? rules : Default;

    /// <summary>Problems with these settings, in plain words; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (RecordKeySecret is null || RecordKeySecret.Length < Keys.RecordKeys.MinimumSecretLength)
        {
            errors.Add($"Disclosure:RecordKeySecret must be at least {Keys.RecordKeys.MinimumSecretLength} bytes.");
        }

        errors.AddRange(Default.Validate().Select(e => $"Disclosure:Default: {e}"));
        foreach (var (purpose, rules) in Purposes)
        {
            errors.AddRange(rules.Validate().Select(e => $"Disclosure:Purposes:{purpose}: {e}"));
        }

        return errors;
    }
}
