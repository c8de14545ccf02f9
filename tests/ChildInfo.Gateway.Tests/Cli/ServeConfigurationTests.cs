using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using ChildInfo.Gateway.Cli;
using ChildInfo.Gateway.Demo;
using ChildInfo.Gateway.Identity;
using ChildInfo.Gateway.Tests.Audit;
using ChildInfo.Testing;

namespace ChildInfo.Gateway.Tests.Cli;

/// <summary>
/// <c>childinfo serve</c> reads every setting from appsettings.json, environment variables and the command line
/// (<c>--Section:Key=value</c>), later ones winning, and refuses a bad one before anything starts: exit code 1, a
/// message naming the setting, no stack trace. In-process through the command line for each kind of mistake; as the
/// real production host process for the three sources together.
/// </summary>
public sealed class ServeConfigurationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("childinfo-serve-config-").FullName;
    private readonly byte[] _identityKey = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

    public ServeConfigurationTests() => File.WriteAllText(SupergraphFile, DemoSupergraph.Load());

    private string SupergraphFile => Path.Combine(_folder, "supergraph.graphql");

    private string[] Identity =>
    [
        "--Identity:Issuer=" + DevelopmentIdentity.Issuer, "--Identity:Audience=" + DevelopmentIdentity.Audience,
        "--Identity:SigningKeys:0=" + Convert.ToBase64String(_identityKey),
    ];

    [Theory]
    [InlineData("ChildInfo:RateLimit:PermitLimit must be a whole number of at least 1.", "--ChildInfo:RateLimit:PermitLimit=0")]
    [InlineData("ChildInfo:RateLimit:PermitLimit is 'lots', which is not a whole number.", "--ChildInfo:RateLimit:PermitLimit=lots")]
    [InlineData("ChildInfo:RateLimit:WindowSeconds must be a whole number of seconds from 1 to 86400.", "--ChildInfo:RateLimit:WindowSeconds", "0")]
    [InlineData("ChildInfo:ContextKey must be base64 of at least 32 bytes", "--ChildInfo:ContextKey=c2hvcnQ=")]
    [InlineData("ChildInfo:Policies names the folder '/no/such/policies', which does not exist.", "--ChildInfo:Policies=/no/such/policies")]
    [InlineData("ChildInfo:Audit:Store must be sqlite, postgres or sqlserver.", "--ChildInfo:Audit:Store=mysql")]
    [InlineData("ChildInfo:Audit:RetentionDays must be a whole number of days from 1 to 36500.", "--ChildInfo:Audit:RetentionDays=0")]
    [InlineData("ChildInfo:Analytics:QuestionsPerDay must be a whole number from 0 (no budget) to 1000000.", "--ChildInfo:Analytics:QuestionsPerDay=-1")]
    [InlineData("ChildInfo:Redis is not a StackExchange.Redis configuration string", "--ChildInfo:Redis=redis:6379,connectTimeout=soon")]
    [InlineData("Identity:MaxTokenLifetime is 'soon', which is not a duration such as 12:00:00.", "--Identity:MaxTokenLifetime=soon")]
    [InlineData("Identity:MaxTokenLifetime must be a positive duration", "--Identity:MaxTokenLifetime=-01:00:00")]
    [InlineData("Identity:SigningKeys:1 is shorter than 256 bits.", "--Identity:SigningKeys:1=c2hvcnQ=")]
    [InlineData("ChildInfo:SubgraphCalls:RequestDeadline is 'fast', which is not a duration", "--ChildInfo:SubgraphCalls:RequestDeadline=fast")]
    [InlineData("ChildInfo:Analytics:RecordKeySecret must be base64 of at least 32 bytes", "--ChildInfo:Analytics:RecordKeySecret=c2hvcnQ=")]
    [InlineData("ChildInfo:Analytics:MaxMemberKeys must be a whole number from 1 to 100000000.", "--ChildInfo:Analytics:MaxMemberKeys=0")]
    [InlineData("ChildInfo:Analytics:Purposes:research:", "--ChildInfo:Analytics:Purposes:research:SuppressUpTo=-1")]
    [InlineData("ChildInfo:Telemetry:OtlpProtocol is 'pigeon', which is not grpc or http/protobuf.", "--ChildInfo:Telemetry:OtlpProtocol=pigeon")]
    [InlineData("Web:OpenIdConnect:ClientId is required when any Web:OpenIdConnect setting is given", "--Web:OpenIdConnect:Authority=https://login.example/tenant/v2.0")]
    [InlineData("Web:OpenIdConnect:Authority must be an https:// address", "--Web:OpenIdConnect:Authority=http://login.example", "--Web:OpenIdConnect:ClientId=gateway")]
    public async Task BadSetting_OnTheCommandLine_Exit1_NamingIt_NoStackTrace(string expected, params string[] setting)
    {
        var (code, output, error) = await ServeAsync([.. Identity, .. setting]);

        Assert.Equal(1, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        AssertNoStackTrace(output + error);
    }

    [Fact]
    public async Task SeveralBadSettings_AreAllNamed_AndNoSecretIsRepeated()
    {
        const string key = "bm90LWxvbmctZW5vdWdo";
        var (code, _, error) = await ServeAsync([.. Identity, "--ChildInfo:RateLimit:PermitLimit=0", "--ChildInfo:ContextKey=" + key, "--ChildInfo:Audit:Store=mysql"]);

        Assert.Equal(1, code);
        Assert.Contains("ChildInfo:RateLimit:PermitLimit", error, StringComparison.Ordinal);
        Assert.Contains("ChildInfo:ContextKey", error, StringComparison.Ordinal);
        Assert.Contains("ChildInfo:Audit:Store", error, StringComparison.Ordinal);
        Assert.DoesNotContain(key, error, StringComparison.Ordinal);
    }

    /// <summary>
    /// <c>ChildInfo:ScopeAuthority</c> names the subgraph trusted with keys to other subgraphs' records: naming education
    /// instead of the child index makes the demo's own supergraph (the index hands out the agencies' keys) refuse to start.
    /// </summary>
    [Fact]
    public async Task ScopeAuthority_NamingAnotherSubgraph_RefusesTheDemoSupergraph_NamingTheField()
    {
        var (code, output, error) = await ServeAsync([.. Identity, "--ChildInfo:ScopeAuthority=education"]);

        Assert.Equal(1, code);
        Assert.Contains("[child-index] Child.socialCareChild returns SocialCareChild, whose records 'social-care' serves by key", error, StringComparison.Ordinal);
        AssertNoStackTrace(output + error);
    }

    [Fact]
    public async Task Supergraph_WithoutIdentity_Exit1_NamingWhatIsMissing()
    {
        var (code, output, error) = await ServeAsync([]);

        Assert.Equal(1, code);
        Assert.Contains("Identity:Issuer is required", error, StringComparison.Ordinal);
        Assert.Contains("Identity:Audience is required", error, StringComparison.Ordinal);
        Assert.Contains("Identity:Authority (an OpenID Connect provider) or Identity:SigningKeys:0", error, StringComparison.Ordinal);
        AssertNoStackTrace(output + error);
    }

    [Fact]
    public void SettingWithoutValue_IsAUsageError()
    {
        var ex = Assert.Throws<CommandLineException>(() => ServeOptions.Parse(["--supergraph", "s.graphql", "--ChildInfo:Redis"]));

        Assert.Contains("--ChildInfo:Redis", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The production host, as its own process: identity and a rate limit from appsettings.json, the window from an
    /// environment variable (over the file's), the limit from the command line (over both). Tokens signed with the
    /// file's key are accepted and the start-up line shows the limit and window in force.
    /// </summary>
    [Fact]
    public async Task ProductionHost_ReadsAppSettingsEnvironmentAndCommandLine_LaterWins()
    {
        var work = Directory.CreateDirectory(Path.Combine(_folder, "work")).FullName;
        await File.WriteAllTextAsync(Path.Combine(work, "appsettings.json"), $$"""
            {
              "Identity": { "Issuer": "{{DevelopmentIdentity.Issuer}}", "Audience": "{{DevelopmentIdentity.Audience}}", "SigningKeys": [ "{{Convert.ToBase64String(_identityKey)}}" ] },
              "ChildInfo": { "RateLimit": { "PermitLimit": 7, "WindowSeconds": 45 } }
            }
            """, TestContext.Current.CancellationToken);

        await using var gateway = await GatewayProcess.StartAsync(GatewayProcess.ProductionAppPath,
            ["serve", "--supergraph", SupergraphFile, "--data", Path.Combine(work, "data"), "--urls", "http://127.0.0.1:0", "--ChildInfo:RateLimit:PermitLimit=9"],
            new Dictionary<string, string> { ["ChildInfo__RateLimit__WindowSeconds"] = "30", ["DOTNET_ENVIRONMENT"] = "Production" }, work, TimeSpan.FromSeconds(60));
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, gateway.GraphQLUrl) { Content = new StringContent("""{"query":"{ __typename }"}""", Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DevelopmentIdentity.CreateToken(_identityKey,
            new DevelopmentTokenRequest("team_manager", "config.test") { NotBefore = DateTimeOffset.UtcNow.AddMinutes(-1) }, DateTimeOffset.UtcNow));
        request.Headers.Add("ChildInfo-Purpose", "child_protection");
        request.Headers.Add("ChildInfo-Justification", "CP-CONFIG");
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Contains("rate limit 9 requests per user per 30 s", gateway.Log, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "ChildInfo": { "RateLimit": { "PermitLimit": "many" } } }""", null, "ChildInfo:RateLimit:PermitLimit is 'many', which is not a whole number.")]
    [InlineData("""{ "ChildInfo": { "RateLimit": { "PermitLimit": 5 """, null, "appsettings.json")]
    [InlineData("{}", "ChildInfo__SubgraphCalls__AttemptTimeout=00:00:00.001", "ChildInfo:SubgraphCalls:AttemptTimeout must be between 10 ms and 24 h.")]
    public async Task ProductionHost_BadSettingInFileOrEnvironment_Exit1_NamingIt_NoStackTrace(string appSettings, string? variable, string expected)
    {
        var work = Directory.CreateDirectory(Path.Combine(_folder, "bad-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        await File.WriteAllTextAsync(Path.Combine(work, "appsettings.json"), appSettings, TestContext.Current.CancellationToken);
        var environment = new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = "Production" };
        if (variable?.Split('=', 2) is [var name, var value])
        {
            environment[name] = value;
        }

        var (code, output, error) = await RunToExitAsync(GatewayProcess.ProductionAppPath,
            ["serve", "--supergraph", SupergraphFile, "--data", Path.Combine(work, "data"), "--urls", "http://127.0.0.1:0", .. Identity], environment, work);

        Assert.Equal(1, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        AssertNoStackTrace(output + error);
    }

    /// <summary><c>audit verify</c> looks for the log where the gateway's settings put it (<c>ChildInfo:Audit</c>).</summary>
    [Fact]
    public async Task AuditVerify_LooksWhereAppSettingsPutTheLog()
    {
        var work = Directory.CreateDirectory(Path.Combine(_folder, "audit-work")).FullName;
        var log = Path.Combine(_folder, "elsewhere", "gateway-audit.db");
        await File.WriteAllTextAsync(Path.Combine(work, "appsettings.json"), $$"""{ "ChildInfo": { "Audit": { "Store": "sqlite", "Connection": "{{log}}" } } }""", TestContext.Current.CancellationToken);

        var (code, _, error) = await RunToExitAsync(GatewayProcess.ProductionAppPath, ["audit", "verify"], new Dictionary<string, string>(), work);

        Assert.Equal(1, code);
        Assert.Contains($"there is no audit log at '{log}'", error, StringComparison.Ordinal);
    }

    public void Dispose() => RunTempFolder.DeleteTree(_folder);

    private async Task<(int Code, string Output, string Error)> ServeAsync(string[] settings)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var data = Path.Combine(_folder, "data-" + Guid.NewGuid().ToString("N")[..8]);
        var code = await CommandLine.RunAsync(["serve", "--supergraph", SupergraphFile, "--data", data, "--urls", "http://127.0.0.1:0", .. settings], output, error, TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    private static async Task<(int Code, string Output, string Error)> RunToExitAsync(string app, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, string workingDirectory)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments.Prepend(app))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_EnableDiagnostics"] = "0";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"childinfo did not exit within 60 s: {await output}");
        }

        return (process.ExitCode, await output, await error);
    }

    private static void AssertNoStackTrace(string text)
    {
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception:", text, StringComparison.Ordinal);
    }
}
