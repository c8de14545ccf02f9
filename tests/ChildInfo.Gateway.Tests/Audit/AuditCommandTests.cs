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
        var (folder, child) = await WrittenLogAsync(environment);

        var (verified, verifyOut, _) = await RunAsync(["audit", "verify", "--data", folder]);
        Assert.Equal(0, verified);
        Assert.Contains("The audit log is intact: 5 records checked", verifyOut, StringComparison.Ordinal);
        Assert.Contains("signed head at record 5 confirmed in the database and in the head file", verifyOut, StringComparison.Ordinal);

        var (reported, report, _) = await RunAsync(["audit", "report", "--child", child, "--data", folder]);
        Assert.Equal(0, reported);
        Assert.Contains($"Who has looked at your information ({child})", report, StringComparison.Ordinal);
        Assert.Contains("Your information was viewed 5 times in the last year", report, StringComparison.Ordinal);
        Assert.Contains("to keep you safe from harm (child protection)", report, StringComparison.Ordinal);
        Assert.Contains("The reason they gave: \"section 47 enquiry 2291\".", report, StringComparison.Ordinal);
        Assert.Contains("(from school records)", report, StringComparison.Ordinal);

        var (reviewed, review, _) = await RunAsync(["audit", "review", "--data", folder]);
        Assert.Equal(0, reviewed);
        Assert.Contains("Nothing to review", review, StringComparison.Ordinal);

        Assert.Equal(1, await ExecuteAsync(folder, "UPDATE audit_record SET purpose = 'research' WHERE sequence = 3"));

        var (broken, _, brokenError) = await RunAsync(["audit", "verify", "--data", folder]);
        Assert.Equal(1, broken);
        Assert.Contains("broken at record 3", brokenError, StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Tampering that once passed: each is now exit 1 with the problem in words, on its own copy of one real log.</summary>
    [Fact]
    public async Task Verify_TailCut_HeadFileDeleted_DetailsRemoved_ChildIndexChanged_Exit1NamingEach_RepairRestoresTheChildsReport()
    {
        var (written, child) = await WrittenLogAsync(environment);

        var cut = Copy(written);
        await ExecuteAsync(cut, "DELETE FROM audit_record WHERE sequence >= 4");
        await ExecuteAsync(cut, "DELETE FROM audit_record_child WHERE sequence >= 4");
        await ExecuteAsync(cut, "DELETE FROM audit_checkpoint WHERE sequence >= 4");
        var (cutCode, _, cutError) = await RunAsync(["audit", "verify", "--data", cut]);
        Assert.Equal(1, cutCode);
        Assert.Equal("The audit log is broken at record 4: The log ends at record 3, but the signed head the database keeps vouches that record 5 was written: records 4 to 5 at least were removed from the end.", cutError.Trim());

        var headless = Copy(written);
        File.Delete(Path.Combine(headless, "audit.head"));
        var (headlessCode, _, headlessError) = await RunAsync(["audit", "verify", "--data", headless]);
        Assert.Equal(1, headlessCode);
        Assert.Contains($"The audit log's signed head fails its check (the log has 5 records): The head file '{Path.Combine(headless, "audit.head")}', which the gateway rewrites after every write to the log, is missing", headlessError, StringComparison.Ordinal);

        var nulled = Copy(written);
        await ExecuteAsync(nulled, "UPDATE audit_record SET payload = NULL WHERE sequence = 2");
        var (nulledCode, _, nulledError) = await RunAsync(["audit", "verify", "--data", nulled]);
        Assert.Equal(1, nulledCode);
        Assert.Contains("The audit log is broken at record 2: The details of record 2 (the reason given, the operation, what was shown and withheld) were removed, but no retention run removed them", nulledError, StringComparison.Ordinal);

        var rekeyed = Copy(written);
        Assert.Equal(1, await ExecuteAsync(rekeyed, $"UPDATE audit_record_child SET child_id = 'CH-SOMEONEELSE' WHERE sequence = 4 AND child_id = '{child}'"));
        var (rekeyedCode, _, rekeyedError) = await RunAsync(["audit", "verify", "--data", rekeyed]);
        var (_, lostReport, _) = await RunAsync(["audit", "report", "--child", child, "--data", rekeyed]);
        var (repairCode, repairOut, repairError) = await RunAsync(["audit", "verify", "--repair", "--data", rekeyed]);
        var (afterCode, afterOut, _) = await RunAsync(["audit", "verify", "--data", rekeyed]);
        var (_, restoredReport, _) = await RunAsync(["audit", "report", "--child", child, "--data", rekeyed]);
        Assert.Equal(1, rekeyedCode);
        Assert.Contains($"The audit log is broken at record 4: Record 4 says it touched child {child}, but the index that children's access reports are read from does not list it against that record: {child}'s report would leave this access out.", rekeyedError, StringComparison.Ordinal);
        Assert.Contains("viewed 4 times", lostReport, StringComparison.Ordinal);
        Assert.Equal(1, repairCode);
        Assert.Contains("broken at record 4", repairError, StringComparison.Ordinal);
        Assert.StartsWith("Repaired: the children's index was rebuilt from the chain (", repairOut, StringComparison.Ordinal);
        Assert.Contains("The audit log is intact: 5 records checked", repairOut, StringComparison.Ordinal);
        Assert.Equal(0, afterCode);
        Assert.Contains("The audit log is intact", afterOut, StringComparison.Ordinal);
        Assert.Contains("viewed 5 times", restoredReport, StringComparison.Ordinal);

        var (repairBrokenCode, _, repairBrokenError) = await RunAsync(["audit", "verify", "--repair", "--data", cut]);
        Assert.Equal(1, repairBrokenCode);
        Assert.Contains("Nothing was repaired", repairBrokenError, StringComparison.Ordinal);

        foreach (var folder in new[] { written, cut, headless, nulled, rekeyed })
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A real gateway's audit log of five requests for one child, copied out of the stopped gateway's folder.</summary>
    private static async Task<(string Folder, string Child)> WrittenLogAsync(GatewayEnvironment environment)
    {
        var child = (await TestChildren.LinkedEverywhereAsync(environment, 1))[0];
        await using var gateway = await AuditedGateway.StartAsync(environment);
        for (var i = 0; i < 5; i++)
        {
            await HttpExchange.PostJsonAsync(environment.Client, gateway.GraphQLUrl, new { query = JoinedUpChildTests.JoinedUpQuery, variables = new { id = child } },
                headers: new Dictionary<string, string> { ["ChildInfo-Purpose"] = "child_protection", ["ChildInfo-Justification"] = "section 47 enquiry 2291" });
        }

        await gateway.App.StopAsync();
        SqliteConnection.ClearAllPools();
        return (Copy(gateway.Folder), child);
    }

    private static string Copy(string folder)
    {
        var copy = Directory.CreateTempSubdirectory("childinfo-audit-cli-").FullName;
        foreach (var file in Directory.GetFiles(folder))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        return copy;
    }

    private static async Task<int> ExecuteAsync(string folder, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "audit.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CommandLine.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
