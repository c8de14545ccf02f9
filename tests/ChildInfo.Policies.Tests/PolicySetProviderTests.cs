using ChildInfo.Policies.Loading;
using ChildInfo.Policies.Tests.Loading;

namespace ChildInfo.Policies.Tests;

public sealed class PolicySetProviderTests
{
    [Fact]
    public void TryCreate_InvalidFirstLoad_ReturnsNull() =>
        Assert.Null(PolicySetProvider.TryCreate(PolicyLoaderTests.Load(rules: "rules: [")));

    [Fact]
    public void TryCreate_ValidFirstLoad_CompilesIt()
    {
        var loaded = PolicyLoader.LoadDirectory(SamplePolicies.Directory, SamplePolicies.Fields);

        var provider = PolicySetProvider.TryCreate(loaded)!;

        Assert.Same(loaded.PolicySet, provider.Set);
    }
}
