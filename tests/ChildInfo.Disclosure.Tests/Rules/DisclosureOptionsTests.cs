using ChildInfo.Disclosure.Rules;
using Microsoft.Extensions.Configuration;

namespace ChildInfo.Disclosure.Tests.Rules;

public sealed class DisclosureOptionsTests
{
    private static DisclosureOptions Bind(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection("Disclosure").Get<DisclosureOptions>()!;

    /// <summary>The documented default is DATA-STANDARDS §5's gateway default.</summary>
    [Fact]
    public void GatewayDefault_IsTheDocumentedDefault()
    {
        var rules = DisclosureRules.GatewayDefault;

        Assert.Equal((5, 9, 10, 10), (rules.SuppressUpTo, rules.LinkedSuppressUpTo, rules.TotalRoundingBase, rules.MinimumStatisticBase));
        Assert.Equal(5, rules.SuppressUpToFor(1));
        Assert.Equal(9, rules.SuppressUpToFor(2));
        Assert.Empty(rules.Validate());
    }

    [Fact]
    public void PurposeRules_BindFromConfiguration_OthersGetTheDefault()
    {
        var options = Bind(new()
        {
            ["Disclosure:RecordKeySecret"] = Convert.ToBase64String(new byte[32]),
            ["Disclosure:Purposes:research:SuppressUpTo"] = "9",
            ["Disclosure:Purposes:research:CellRoundingBase"] = "10",
        });

        Assert.Empty(options.Validate());
        Assert.Equal(9, options.RulesFor("research").SuppressUpTo);
        Assert.Equal(10, options.RulesFor("research").CellRoundingBase);
        Assert.Equal(10, options.RulesFor("research").TotalRoundingBase); // unset settings keep the default
        Assert.Equal(DisclosureRules.GatewayDefault, options.RulesFor("service_planning"));
    }

    [Fact]
    public void BindingOneHost_DoesNotChangeTheDefaultOfAnother()
    {
        Bind(new() { ["Disclosure:RecordKeySecret"] = Convert.ToBase64String(new byte[32]), ["Disclosure:Default:SuppressUpTo"] = "2" });

        Assert.Equal(5, DisclosureRules.GatewayDefault.SuppressUpTo);
        Assert.Equal(5, new DisclosureRules().SuppressUpTo);
    }

    [Fact]
    public void UnusableSettings_AreNamed()
    {
        var options = Bind(new()
        {
            ["Disclosure:RecordKeySecret"] = Convert.ToBase64String(new byte[8]),
            ["Disclosure:Purposes:research:SuppressUpTo"] = "12",
            ["Disclosure:Purposes:research:TotalRoundingBase"] = "0",
        });

        var errors = options.Validate();

        Assert.Contains(errors, e => e.Contains("RecordKeySecret", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("research", StringComparison.Ordinal) && e.Contains("LinkedSuppressUpTo", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("research", StringComparison.Ordinal) && e.Contains("TotalRoundingBase", StringComparison.Ordinal));
    }
}
