using System.Text.Json;

namespace ChildInfo.Federation.Access;

/// <summary>
/// Something a <see cref="IRecordGuard"/> let through and wants known: an entry of the response extension named
/// <paramref name="Extension"/> (one JSON array per name, entries in the order met), also on
/// <see cref="GatewayResult.Notices"/> for the host (for example its audit).
/// </summary>
public sealed record RecordNotice(string Extension, JsonElement Entry);
