using System.Net;

namespace ChildInfo.Registry;

/// <summary>Prints Redis endpoints as host:port for messages; never the configuration string, which may hold a password.</summary>
internal static class RedisEndpoints
{
    public static string Describe(IEnumerable<EndPoint> endpoints)
    {
        var printed = endpoints.Select(Describe).ToList();
        return printed.Count == 0 ? "(no endpoint)" : string.Join(",", printed);
    }

    public static string Describe(EndPoint endpoint) => endpoint switch
    {
        DnsEndPoint dns => $"{dns.Host}:{dns.Port}",
        IPEndPoint ip => ip.ToString(),
        _ => endpoint.ToString() ?? "?",
    };
}
