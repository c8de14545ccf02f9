using ChildInfo.Policies.Decisions;
using ChildInfo.Policies.Explanation;

namespace ChildInfo.Gateway.Identity;

/// <summary>
/// One "what may this role see for this purpose" question, checked against the policy set: an unknown role or purpose
/// is refused naming the known ones. Shared by <c>childinfo policy explain</c> and <c>GET /policy/explain</c>.
/// </summary>
public static class PolicyExplainRequest
{
    /// <summary>Why the question cannot be answered (unknown or missing role or purpose); null when it can.</summary>
    public static string? Problem(PolicyEngine engine, string? role, string? purpose)
    {
        ArgumentNullException.ThrowIfNull(engine);
        if (string.IsNullOrWhiteSpace(role) || string.IsNullOrWhiteSpace(purpose))
        {
            return "Both a role and a purpose are needed.";
        }

        if (!engine.Set.Roles.ContainsKey(role))
        {
            return $"Unknown role '{role}'. Known roles: {string.Join(", ", engine.Set.Roles.Keys.Order(StringComparer.Ordinal))}.";
        }

        return engine.Set.Purposes.ContainsKey(purpose)
            ? null
            : $"Unknown purpose '{purpose}'. Known purposes: {string.Join(", ", engine.Set.Purposes.Keys.Order(StringComparer.Ordinal))}.";
    }

    /// <summary>The explanation (a role that may not use the purpose gets one that says so and lists its purposes).</summary>
    public static PolicyExplanation Explain(PolicyEngine engine, string role, string purpose) => new PolicyExplainer(engine).Explain(role, purpose);
}
