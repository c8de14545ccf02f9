using ChildInfo.Gateway.Authorisation;
using ChildInfo.Gateway.Demo;
using ChildInfo.Gateway.Hosting;
using ChildInfo.Gateway.Identity;
using ChildInfo.Gateway.Tests.Policies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace ChildInfo.Gateway.Tests.Security;

/// <summary>
/// The keys protecting the practitioner pages' cookies live where the deployment says: a gateway started again, or a
/// replica sharing the folder, reads what another protected (a signed-in practitioner stays signed in).
/// </summary>
public sealed class DataProtectionKeysTests
{
    private static readonly byte[] IdentityKey = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

    private static async Task<T> WithHostAsync<T>(string keys, Func<IDataProtector, T> use)
    {
        await using var app = GatewayHost.Create(new GatewayHostOptions
        {
            SupergraphSdl = DemoSupergraph.Load(),
            Urls = "http://127.0.0.1:0",
            Security = new GatewaySecurityOptions { Identity = DevelopmentIdentity.Options(IdentityKey), PolicyDirectory = PolicyGatewayFixture.PolicyDirectory },
            DataProtectionKeysDirectory = keys,
        });
        return use(app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("childinfo-test"));
    }

    [Fact]
    public async Task KeysInTheConfiguredFolder_AnotherHostOnTheSameFolderReadsWhatTheFirstProtected()
    {
        var keys = Directory.CreateTempSubdirectory("childinfo-dpkeys-").FullName;
        var elsewhere = Directory.CreateTempSubdirectory("childinfo-dpkeys-other-").FullName;
        try
        {
            var protectedText = await WithHostAsync(keys, p => p.Protect("signed in as W0022"));

            Assert.NotEmpty(Directory.GetFiles(keys, "key-*.xml"));
            Assert.Equal("signed in as W0022", await WithHostAsync(keys, p => p.Unprotect(protectedText)));
            // A host with other keys cannot read it: the folder is what carries the sessions over.
            await Assert.ThrowsAnyAsync<System.Security.Cryptography.CryptographicException>(() => WithHostAsync(elsewhere, p => p.Unprotect(protectedText)));
        }
        finally
        {
            Directory.Delete(keys, recursive: true);
            Directory.Delete(elsewhere, recursive: true);
        }
    }
}
