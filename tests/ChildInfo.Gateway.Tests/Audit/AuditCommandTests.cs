using ChildInfo.Gateway.Cli;
using ChildInfo.Gateway.Tests.Federation;
using ChildInfo.Gateway.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ChildInfo.Gateway.Tests.Audit;

/// <summary><c>childinfo audit verify | report | review</c> over the audit log a real gateway wrote.</summary>
public sealed class AuditCommandTests(GatewayEnvironment environment)
{
    [Theory]
    [InlineData("audit")]
    [InlineData("audit", "frobnicate")]
    [InlineData("audit", "report")]
    [InlineData("audit", "report", "--child")]
    [InlineData("audit", "report", "--child", "CH-1", "--days", "many")]
    [InlineData("audit", "verify", "--colour", "blue")]
    [InlineData("audit", "verify", "--store", "oracle")]
    [InlineData("audit", "verify", "--store", "postgres")]
    [InlineData("audit", "review", "--limit", "0")]
    public async Task BadArguments_Exit2WithMessage(params string[] args)
    {
        var (code, output, error) = await RunAsync(args);

        Assert.Equal(2, code);
        Assert.StartsWith("childinfo: ", error, StringComparison.Ordinal);
        Assert.Equal("", output);
    }

    [Fact]
    public async Task MissingStore_Exit1_SaysWhere()
    {
        var folder = Path.Combine(Path.GetTempPath(), "childinfo-no-audit-" + Guid.NewGuid().ToString("N"));

        var (code, _, error) = await RunAsync(["audit", "verify", "--data", folder]);

        Assert.Equal(1, code);
        Assert.Contains("there is no audit log at", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task Verify_Intact0_AlteredRow1NamingTheRecord_Report_Review()
    {
        var child = (await TestChildren.LinkedEverywhereAsync(environment, 1))[0];
        string folder;
        await using (var gateway = await AuditedGateway.StartAsync(environment))
        {
            folder = gateway.Folder;
            for (var i = 0; i < 5; i++)
            {
                await HttpExchange.PostJsonAsync(environment.Client, gateway.GraphQLUrl, new { query = JoinedUpChildTests.JoinedUpQuery, variables = new { id = child } },
                    headers: new Dictionary<string, string> { ["ChildInfo-Purpose"] = "child_protection", ["ChildInfo-Justification"] = "section 47 enquiry 2291" });
            }

            var copy = Directory.CreateTempSubdirectory("childinfo-audit-cli-").FullName;
            await gateway.App.StopAsync();
            SqliteConnection.ClearAllPools();
            foreach (var file in Directory.GetFiles(folder))
            {
                File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
            }

            folder = copy;
        }

        var (verified, verifyOut, _) = await RunAsync(["audit", "verify", "--data", folder]);
        Assert.Equal(0, verified);
        Assert.Contains("The audit log is intact: 5 records checked", verifyOut, StringComparison.Ordinal);

        var (reported, report, _) = await RunAsync(["audit", "report", "--child", child, "--data", folder]);
        Assert.Equal(0, reported);
        Assert.Contains($"Who has looked at your information ({child})", report, StringComparison.Ordinal);
        Assert.Contains("Your information was viewed 5 times in the last year", report, StringComparison.Ordinal);
        Assert.Contains("to keep you safe from harm (child protection)", report, StringComparison.Ordinal);
        Assert.Contains("The reason they gave: \"section 47 enquiry 2291\".", report, StringComparison.Ordinal);
        Assert.Contains("(from education)", report, StringComparison.Ordinal);

        var (reviewed, review, _) = await RunAsync(["audit", "review", "--data", folder]);
        Assert.Equal(0, reviewed);
        Assert.Contains("Nothing to review", review, StringComparison.Ordinal);

        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "audit.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE audit_record SET purpose = 'research' WHERE sequence = 3";
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        var (broken, _, brokenError) = await RunAsync(["audit", "verify", "--data", folder]);
        Assert.Equal(1, broken);
        Assert.Contains("broken at record 3", brokenError, StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CommandLine.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
