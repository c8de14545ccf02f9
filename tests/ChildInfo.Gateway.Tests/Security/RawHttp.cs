using System.Net.Sockets;
using System.Text;

namespace ChildInfo.Gateway.Tests.Security;

/// <summary>
/// Sends an HTTP/1.1 request as exact bytes, for inputs a well-behaved client would refuse or rewrite (raw control
/// characters and UTF-8 in headers, malformed percent-escapes), and reads the status and body of the answer.
/// </summary>
public static class RawHttp
{
    /// <param name="head">The request line and any headers, each ending in CR LF; one char is one byte (Latin-1).</param>
    public static async Task<(int Status, string Body)> SendAsync(Uri server, string head, byte[]? body = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        await using var stream = client.GetStream();
        var request = new List<byte>(Encoding.Latin1.GetBytes(head + $"Host: {server.Authority}\r\nConnection: close\r\nContent-Length: {body?.Length ?? 0}\r\n\r\n"));
        request.AddRange(body ?? []);
        await stream.WriteAsync(request.ToArray());
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync();
        var status = int.Parse(response.AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture);
        var start = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return (status, start < 0 ? "" : response[(start + 4)..]);
    }

    /// <summary>Header lines as raw bytes: each char of <paramref name="text"/> is one byte (Latin-1), so UTF-8 is given byte by byte.</summary>
    public static string Utf8Bytes(string text) => Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(text));
}
