using ChildInfo.Federation.Supergraph;
using ChildInfo.Gateway.Audit;
using ChildInfo.Gateway.Authorisation;
using ChildInfo.Gateway.Demo;
using ChildInfo.Gateway.Hosting;
using ChildInfo.Gateway.Identity;
using ChildInfo.Gateway.Tests.Policies;
using ChildInfo.Gateway.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ChildInfo.Gateway.Tests.Audit;

/// <summary>What was withheld is recorded with the service it would have come from, as what was shown is.</summary>
public sealed class WithheldSourceTests(GatewayEnvironment environment)
{
    [Theory]
    [InlineData("SocialCareChild.section47Enquiries", "social-care")]
    [InlineData("Pupil.attendance", "education")]
    [InlineData("Child.pupil", "education")]
    [InlineData("Child.vcsParticipant", "voluntary-sector")]
    [InlineData("Child.forename", "child-index")]
    [InlineData("Query.pupil", "education")]
    [InlineData("Pupil", "education")]
    [InlineData("VcsParticipant", "voluntary-sector")]
    [InlineData("Nothing.here", null)]
    [InlineData("Pupil.shoeSize", null)]
    public void SourceOf_NamesTheSubgraphThatResolvesIt_OrHoldsTheRecordALinkLeadsTo(string coordinate, string? source) =>
        Assert.Equal(source, ChildDisclosureWalker.SourceOf(SupergraphLoader.Load(DemoSupergraph.Load()), coordinate));

    [Fact]
    public async Task WithheldField_IsRecordedWithItsSource()
    {
        var identityKey = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        using var temp = ChildInfo.Testing.TempFolder.Create("childinfo-withheld-source-");
        var folder = temp.Path;
        await using var app = GatewayHost.Create(new GatewayHostOptions
        {
            SupergraphSdl = DemoSupergraph.Load(),
            Urls = "http://127.0.0.1:0",
            SubgraphUrls = environment.SubgraphUrls,
            Security = new GatewaySecurityOptions { Identity = DevelopmentIdentity.Options(identityKey), PolicyDirectory = PolicyGatewayFixture.PolicyDirectory },
            Audit = GatewayAuditOptions.ForDataDirectory(folder),
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/graphql");
        var child = (await TestChildren.LinkedEverywhereAsync(environment, 1))[0];
        var token = DevelopmentIdentity.CreateToken(identityKey, new DevelopmentTokenRequest("team_manager", "tm-1") { Lifetime = TimeSpan.FromMinutes(30), NotBefore = DateTimeOffset.UtcNow.AddHours(-1) }, DateTimeOffset.UtcNow);

        // A team manager under child_in_need never sees section 47 enquiries (label protection).
        var exchange = await HttpExchange.PostJsonAsync(environment.Client, url,
            new { query = "query($id: ID!) { child(id: $id) { id socialCareChild { personId section47Enquiries { enquiryId } } } }", variables = new { id = child } },
            headers: new Dictionary<string, string> { ["Authorization"] = "Bearer " + token, ["ChildInfo-Purpose"] = "child_in_need", ["ChildInfo-Justification"] = "case 7" });
        await app.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(200, exchange.Status);
        var record = Assert.Single(await app.Services.GetRequiredService<GatewayAudit>().Store.ReadAsync(0, 10));
        var withheld = Assert.Single(record.Payload!.Children.Single().Withheld, w => w.Field == "SocialCareChild.section47Enquiries");
        Assert.Equal(("protection", "social-care"), (withheld.Label, withheld.Source));
    }
}
