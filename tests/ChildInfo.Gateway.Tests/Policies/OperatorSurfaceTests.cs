using ChildInfo.Gateway.Authorisation;
using ChildInfo.Gateway.Cli;
using ChildInfo.Gateway.Identity;
using ChildInfo.Gateway.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChildInfo.Gateway.Tests.Policies;

/// <summary>
/// What the gateway tells about itself and how long it trusts a token: introspection is refused to aggregate-only
/// purposes, the query plan is shown only to a caller holding the system owner's role, and a bearer token valid for
/// longer than the configured maximum (12 hours by default), or without an expiry, is refused with 401.
/// </summary>
public sealed class OperatorSurfaceTests(PolicyGatewayFixture gateway) : IClassFixture<PolicyGatewayFixture>
{
    private const string ChildQuery = "query($id: ID!) { child(id: $id) { id forename } }";

    private static readonly Dictionary<string, string> DebugPlan = new() { ["ChildInfo-Debug-Plan"] = "true" };

    [Theory]
    [InlineData("{ __schema { types { name fields { name } } } }")]
    [InlineData("{ __type(name: \"SocialCareChild\") { fields { name } } }")]
    public async Task Introspection_AggregateOnlyPurpose_403(string query)
    {
        var e = await gateway.PostAsync(query, null, gateway.Token("la_analyst"), "service_planning", "quarterly return");

        Assert.Equal(403, e.Status);
        Assert.Equal(AuthorisationCodes.IntrospectionNotAllowed, e.FirstErrorCode);
        Assert.Contains("aggregate-only", e.Body.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(e.HasData);
    }

    [Fact]
    public async Task Typename_AggregateOnlyPurpose_Served()
    {
        var e = await gateway.PostAsync("{ __typename }", null, gateway.Token("la_analyst"), "service_planning", "quarterly return");

        Assert.Equal(200, e.Status);
        Assert.Equal("Query", e.Body.GetProperty("data").GetProperty("__typename").GetString());
    }

    [Fact]
    public async Task Introspection_Practitioner_Served()
    {
        var e = await gateway.PostAsync("{ __type(name: \"SocialCareChild\") { fields { name } } }", null, gateway.Token("social_worker"), "child_protection", "case 1");

        Assert.Equal(200, e.Status);
        Assert.Contains(e.Body.GetProperty("data").GetProperty("__type").GetProperty("fields").EnumerateArray(), f => f.GetProperty("name").GetString() == "voice");
    }

    [Fact]
    public async Task DebugPlan_Practitioner_HeaderIgnored()
    {
        var e = await gateway.PostAsync(ChildQuery, new { id = "x" }, gateway.Token("social_worker"), "child_protection", "case 1", DebugPlan);

        Assert.Equal(200, e.Status);
        Assert.False(e.Body.TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("queryPlan", out _));
    }

    [Fact]
    public async Task DebugPlan_CallerHoldingSystemOwner_GetsThePlanOfTheRoleTheyActAs()
    {
        var token = RawToken(["social_worker", "system_owner"], DateTime.UtcNow.AddMinutes(-1), null, DateTime.UtcNow.AddHours(1));
        var asSocialWorker = new Dictionary<string, string>(DebugPlan) { ["ChildInfo-Role"] = "social_worker" };

        var withHeader = await gateway.PostAsync(ChildQuery, new { id = "x" }, token, "child_protection", "plan check", asSocialWorker);
        var withoutHeader = await gateway.PostAsync(ChildQuery, new { id = "x" }, token, "child_protection", "plan check",
            new Dictionary<string, string> { ["ChildInfo-Role"] = "social_worker" });

        Assert.Equal(200, withHeader.Status);
        Assert.Contains("Fetch(service: \"child-index\")", withHeader.Body.GetProperty("extensions").GetProperty("queryPlan").GetString(), StringComparison.Ordinal);
        Assert.False(withoutHeader.Body.TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("queryPlan", out _));
    }

    [Fact]
    public async Task Token_ValidForAHundredYears_401()
    {
        var token = RawToken(["social_worker"], DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddYears(100));

        var e = await gateway.PostAsync(ChildQuery, new { id = "x" }, token, "child_protection", "case 1");

        Assert.Equal(401, e.Status);
        Assert.Equal(AuthorisationCodes.Unauthenticated, e.FirstErrorCode);
        Assert.Contains("at most 12 h", Message(e), StringComparison.Ordinal);
        Assert.False(e.HasData);
    }

    [Fact]
    public async Task Token_WithoutExpiry_401()
    {
        var token = RawToken(["social_worker"], DateTime.UtcNow.AddMinutes(-1), null, null);

        var e = await gateway.PostAsync(ChildQuery, new { id = "x" }, token, "child_protection", "case 1");

        Assert.Equal(401, e.Status);
        Assert.Contains("no expiry", Message(e), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_IssuedInTheFutureToExpireFarAhead_401()
    {
        // Issue to expiry is one hour, but the token would be accepted for the next fifty years.
        var token = RawToken(["social_worker"], DateTime.UtcNow.AddYears(50), null, DateTime.UtcNow.AddYears(50).AddHours(1));

        var e = await gateway.PostAsync(ChildQuery, new { id = "x" }, token, "child_protection", "case 1");

        Assert.Equal(401, e.Status);
        Assert.Contains("from now", Message(e), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_WithoutIssueTimeButStartingThirteenHoursBeforeExpiry_401()
    {
        var token = RawToken(["social_worker"], null, DateTime.UtcNow.AddHours(-1), DateTime.UtcNow.AddHours(12));

        var e = await gateway.PostAsync(ChildQuery, new { id = "x" }, token, "child_protection", "case 1");

        Assert.Equal(401, e.Status);
        Assert.Contains("13 h from issue to expiry", Message(e), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_ValidForTwelveHours_Served()
    {
        var now = DateTime.UtcNow;
        var token = RawToken(["social_worker"], now.AddHours(-1), now.AddHours(-1), now.AddHours(11));

        var e = await gateway.PostAsync(ChildQuery, new { id = "x" }, token, "child_protection", "case 1");

        Assert.Equal(200, e.Status);
    }

    [Fact]
    public async Task TokenCommand_MintsWithinTheCap_AndDevelopmentTokensCannotExceedIt()
    {
        var data = Directory.CreateTempSubdirectory("childinfo-token-").FullName;
        try
        {
            var output = new StringWriter();
            Assert.Equal(0, await TokenCommand.RunAsync(["--role", "social_worker", "--data", data], output, new StringWriter(), "Development", CancellationToken.None));

            var minted = new JsonWebToken(output.ToString().Trim().Split('\n')[^1].Trim());
            Assert.InRange(minted.ValidTo - minted.IssuedAt, TimeSpan.FromHours(1), IdentityOptions.DefaultMaxTokenLifetime);
            Assert.Throws<ArgumentOutOfRangeException>(() => DevelopmentIdentity.CreateToken(gateway.Key,
                new DevelopmentTokenRequest("social_worker", "u") { Lifetime = IdentityOptions.DefaultMaxTokenLifetime + TimeSpan.FromMinutes(1) }, DateTimeOffset.UtcNow));
        }
        finally
        {
            Directory.Delete(data, true);
        }
    }

    private static string Message(HttpExchange e) => e.Body.GetProperty("errors")[0].GetProperty("message").GetString()!;

    /// <summary>A token signed with the gateway's key with exactly the times given (an absent time is left out).</summary>
    private string RawToken(string[] roles, DateTime? issuedAt, DateTime? notBefore, DateTime? expires) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = DevelopmentIdentity.Issuer,
            Audience = DevelopmentIdentity.Audience,
            Claims = new Dictionary<string, object>
            {
                [ChildInfoClaims.User] = "test-" + string.Join('-', roles),
                [ChildInfoClaims.Role] = roles.Length == 1 ? roles[0] : roles,
            },
            IssuedAt = issuedAt,
            NotBefore = notBefore,
            Expires = expires,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(gateway.Key), SecurityAlgorithms.HmacSha256),
        });
}
