using StackExchange.Redis;

namespace ChildInfo.Testing;

/// <summary>Connections to the real Redis of the test run, and a way to cut a named client off.</summary>
public static class RedisKit
{
    /// <summary>A key prefix no other test uses, so tests share one Redis without seeing each other.</summary>
    public static string UniquePrefix(string test) => $"test:{test}:{Guid.NewGuid():N}:";

    /// <summary>A new connection (its own sockets, as another replica would have).</summary>
    public static async Task<ConnectionMultiplexer> ConnectAsync(string? clientName = null)
    {
        var options = ConfigurationOptions.Parse(await RealServers.RedisAsync());
        options.AllowAdmin = true;
        if (clientName is not null)
        {
            options.ClientName = clientName;
        }

        return await ConnectionMultiplexer.ConnectAsync(options);
    }

    /// <summary>Kills every server-side connection whose client name is <paramref name="clientName"/>; returns how many.</summary>
    public static async Task<int> KillClientsAsync(string clientName)
    {
        await using var admin = await ConnectAsync();
        var server = admin.GetServers()[0];
        var killed = 0;
        foreach (var client in await server.ClientListAsync())
        {
            if (client.Name == clientName)
            {
                await server.ExecuteAsync("CLIENT", "KILL", "ID", client.Id);
                killed++;
            }
        }
        return killed;
    }
}
