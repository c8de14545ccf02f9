using ChildInfo.Policies.Loading;
using ChildInfo.Policies.Tests.Loading;

namespace ChildInfo.Policies.Tests;

public sealed class PolicySetProviderTests
{
    [Fact]
    public void TryCreate_InvalidFirstLoad_ReturnsNull() =>
        Assert.Null(PolicySetProvider.TryCreate(PolicyLoaderTests.Load(rules: "rules: [")));

    [Fact]
    public void Reload_FailedReload_KeepsTheLastGoodSet()
    {
        var provider = PolicySetProvider.TryCreate(PolicyLoaderTests.Load())!;
        var good = provider.Current;

        var applied = provider.Reload(PolicyLoaderTests.Load(rules: "rules: ["));

        Assert.False(applied);
        Assert.Same(good, provider.Current);
        Assert.Contains(provider.LastErrors, e => e.Code == PolicyErrorCodes.MalformedYaml);
    }

    [Fact]
    public void Reload_GoodReload_SwapsAndClearsErrors()
    {
        var provider = PolicySetProvider.TryCreate(PolicyLoaderTests.Load())!;
        provider.Reload(PolicyLoaderTests.Load(rules: "rules: ["));
        var first = provider.Current;
        ChildInfo.Policies.Decisions.PolicyEngine? raised = null;
        provider.Reloaded += (_, engine) => raised = engine;

        var applied = provider.Reload(PolicyLoader.LoadDirectory(SamplePolicies.Directory, SamplePolicies.Fields));

        Assert.True(applied);
        Assert.NotSame(first, provider.Current);
        Assert.Same(provider.Current, raised);
        Assert.Empty(provider.LastErrors);
        Assert.NotEqual(first.Set.Version, provider.Set.Version);
    }
}
