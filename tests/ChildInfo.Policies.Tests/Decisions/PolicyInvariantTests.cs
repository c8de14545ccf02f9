using ChildInfo.Policies.Decisions;

namespace ChildInfo.Policies.Tests.Decisions;

/// <summary>Exhaustive over every compiled scope × every classified field of the sample set.</summary>
public sealed class PolicyInvariantTests
{
    private static readonly PolicyEngine Engine = PolicyEngine.Compile(SamplePolicies.Set);

    [Fact]
    public void Decide_EveryScopeAndField_NeverAllowsALabelOutsideTheRulesVisibleSet()
    {
        foreach (var scope in Engine.Scopes)
        {
            foreach (var (field, labels) in SamplePolicies.Set.Classifications)
            {
                if (!scope.Decide(field).Allowed)
                {
                    continue;
                }

                Assert.All(labels, l => Assert.True(scope.Rule.Visible.Contains(l), $"{scope.CacheKey} allows {field} with label {l}"));
                Assert.DoesNotContain(labels, l => scope.Rule.Denied.Contains(l));
            }
        }
    }

    [Fact]
    public void Decide_AggregateOnlyScopes_NeverAllowARowLevelField()
    {
        foreach (var scope in Engine.Scopes.Where(s => s.Purpose.AggregateOnly))
        {
            foreach (var (field, labels) in SamplePolicies.Set.Classifications)
            {
                if (labels.Any(l => SamplePolicies.Set.Labels[l].RowLevel))
                {
                    Assert.False(scope.Decide(field).Allowed, $"{scope.CacheKey} allows row-level {field}");
                }
            }
        }
    }

    [Fact]
    public void Decide_EveryDeniedDecision_CarriesACodeRuleAndLabel()
    {
        foreach (var scope in Engine.Scopes)
        {
            foreach (var field in SamplePolicies.Set.Classifications.Keys)
            {
                var decision = scope.Decide(field);
                Assert.False(string.IsNullOrEmpty(decision.Code));
                Assert.Equal(scope.Rule.Id, decision.Rule);
                Assert.NotNull(decision.Label);
            }
        }
    }
}
