using System.Collections.Frozen;

namespace ChildInfo.Gateway.Diagnostics;

/// <summary>
/// The operation name a metric carries: a registered name as it is, anything else as <see cref="Other"/>. Clients
/// choose operation names, so a name taken as sent would let any caller add series without end or write text of
/// their choosing (a child's name, say) into the metrics.
/// </summary>
public sealed class OperationNameTag(FrozenSet<string> registered)
{
    public const string Other = "other";

    /// <summary>A request that named no operation, or never reached one (refused or unreadable).</summary>
    public const string None = "none";

    public string Of(string? operationName) => operationName switch
    {
        null or "" => None,
        _ when registered.Contains(operationName) => operationName,
        _ => Other,
    };

    /// <summary>A GraphQL name (letters, digits, underscores; not starting with a digit) of at most 64 characters.</summary>
    public static bool IsWellFormed(string name) =>
        name is { Length: > 0 and <= 64 }
        && (char.IsAsciiLetter(name[0]) || name[0] == '_')
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
