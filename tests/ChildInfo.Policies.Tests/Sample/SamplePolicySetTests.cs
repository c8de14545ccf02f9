using ChildInfo.Policies.Loading;

namespace ChildInfo.Policies.Tests.Sample;

public sealed class SamplePolicySetTests
{
    [Fact]
    public void LoadDirectory_SampleSet_IsValid()
    {
        var result = PolicyLoader.LoadDirectory(SamplePolicies.Directory, SamplePolicies.Fields);

        Assert.True(result.Succeeded, result.Describe());
    }

    [Fact]
    public void LoadDirectory_SampleSet_ClassifiesEveryFieldOfTheSupergraph()
    {
        var set = SamplePolicies.Set;

        Assert.NotEmpty(SamplePolicies.Fields);
        Assert.All(SamplePolicies.Fields, f => Assert.True(set.Classifications.ContainsKey(f), $"{f} is not classified"));
    }

    [Fact]
    public void LoadDirectory_SampleSet_ClassifiesEveryFieldExtractedFromTheSubgraphSources()
    {
        var set = SamplePolicies.Set;

        Assert.All(SamplePolicies.ExtractedFields, f => Assert.True(set.Classifications.ContainsKey(f), $"{f} is not classified"));
    }

    [Fact]
    public void LoadDirectory_SampleSet_HasTheRolesAndPurposesOfTheStandard()
    {
        var set = SamplePolicies.Set;

        Assert.Equal(
            ["child_in_need", "child_protection", "early_help", "education_welfare", "health_visiting", "record_linkage", "research", "service_planning"],
            set.Purposes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(
            ["data_protection_officer", "early_help_worker", "early_years_practitioner", "education_welfare_officer", "health_visitor", "la_analyst", "linkage_officer", "researcher",
                "school_dsl", "social_worker", "system_owner", "team_manager", "vcs_keyworker"],
            set.Roles.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void LoadDirectory_SampleSet_OnlyChildProtectionMayOverridePreferences()
    {
        var set = SamplePolicies.Set;

        Assert.Equal(["child_protection"], set.Purposes.Values.Where(p => p.MayOverridePreferences).Select(p => p.Id));
    }
}
