using System.ComponentModel.DataAnnotations;
using ChildInfo.Disclosure.Rules;

namespace ChildInfo.Gateway.Cli;

/// <summary>
/// Analysts' aggregate questions (<c>ChildInfo:Analytics</c>). The record-key secret keeps every published figure the
/// same for the same children whatever the question, across restarts and replicas: a deployment sets it (base64, at
/// least 256 bits, the same on every replica) or aggregate questions are answered 503; the embedded demo keeps one in
/// its data folder. The disclosure rules default to the gateway's (DATA-STANDARDS section 5); a purpose may have its
/// own (<c>ChildInfo:Analytics:Purposes:research:SuppressUpTo=9</c>).
/// </summary>
public sealed class AnalyticsSettings
{
    public const string KeyFileName = "analytics-record.key";

    public string? RecordKeySecret { get; set; }

    [Range(1, 100_000_000, ErrorMessage = "ChildInfo:Analytics:MaxMemberKeys must be a whole number from 1 to 100000000.")]
    public int MaxMemberKeys { get; set; } = ChildInfo.Analytics.Evaluation.CohortOptions.DefaultMaxMemberKeys;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "ChildInfo:Analytics:SubgraphTimeout must be from 00:00:01 to 01:00:00.")]
    public TimeSpan SubgraphTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Questions one analyst may have answered under one purpose per day; 0 sets no budget.</summary>
    [Range(0, 1_000_000, ErrorMessage = "ChildInfo:Analytics:QuestionsPerDay must be a whole number from 0 (no budget) to 1000000.")]
    public int QuestionsPerDay { get; set; } = Analytics.AnalyticsOptions.DefaultQuestionsPerDay;

    /// <summary>The budget <see cref="QuestionsPerDay"/> sets, or null for none.</summary>
    public ChildInfo.RateLimiting.RateLimitOptions? QuestionBudget => QuestionsPerDay > 0 ? new(QuestionsPerDay, TimeSpan.FromDays(1)) : null;

    public DisclosureRules Default { get; set; } = new();

    public Dictionary<string, DisclosureRules> Purposes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The host's options with <paramref name="secret"/>; the settings' own problems are reported by the validator.</summary>
    public Analytics.AnalyticsOptions ToOptions(byte[] secret) => new()
    {
        Disclosure = new DisclosureOptions { RecordKeySecret = secret, Default = Default, Purposes = new(Purposes, StringComparer.Ordinal) },
        Cohorts = new() { MaxMemberKeys = MaxMemberKeys },
        SubgraphTimeout = SubgraphTimeout,
        QuestionBudget = QuestionBudget,
    };
}
