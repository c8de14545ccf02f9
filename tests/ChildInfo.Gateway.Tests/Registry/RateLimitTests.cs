using System.Net.Http.Headers;
using System.Net.Http.Json;
using ChildInfo.Gateway.Authorisation;
using ChildInfo.Gateway.Demo;
using ChildInfo.Gateway.Hosting;
using ChildInfo.Gateway.Identity;
using ChildInfo.Gateway.Tests.Policies;
using ChildInfo.Gateway.Tests.Support;
using ChildInfo.RateLimiting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ChildInfo.Gateway.Tests.Registry;

/// <summary>The per-user rate limit: one user over the limit gets 429 with Retry-After; another user is unaffected.</summary>
public sealed class RateLimitTests(GatewayEnvironment environment)
{
    [Fact]
    public async Task OverTheLimit_Gets429WithRetryAfter_OtherUsersUnaffected()
    {
        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        await using var app = GatewayHost.Create(new GatewayHostOptions
        {
            SupergraphSdl = DemoSupergraph.Load(),
            Urls = "http://127.0.0.1:0",
            SubgraphUrls = environment.SubgraphUrls,
            Security = new GatewaySecurityOptions { Identity = DevelopmentIdentity.Options(key), PolicyDirectory = PolicyGatewayFixture.PolicyDirectory },
            RateLimiter = new LocalUserRateLimiter(new RateLimitOptions(3, TimeSpan.FromHours(1))),
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/graphql");
        using var client = new HttpClient();

        async Task<HttpResponseMessage> AskAsync(string user)
        {
            var token = DevelopmentIdentity.CreateToken(key, new DevelopmentTokenRequest("team_manager", user) { NotBefore = DateTimeOffset.UtcNow.AddHours(-2) }, DateTimeOffset.UtcNow);
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(new { query = "{ __typename }" }) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.Add("ChildInfo-Purpose", "child_protection");
            request.Headers.Add("ChildInfo-Justification", "CP-RATE");
            return await client.SendAsync(request, TestContext.Current.CancellationToken);
        }

        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await AskAsync("busy-user");
            statuses.Add((int)response.StatusCode);
            if (i == 3)
            {
                Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"{(int)response.StatusCode} {response.Headers}");
                Assert.Contains("RATE_LIMITED", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
            }
        }

        using var other = await AskAsync("other-user");

        Assert.Equal([200, 200, 200, 429], statuses);
        Assert.Equal(200, (int)other.StatusCode);
    }
}
