using System.Text.Json;
using ChildInfo.Federation;

namespace ChildInfo.Gateway.Audit;

/// <summary>
/// What <see cref="ChildDisclosureWalker"/> reads of a response's <c>data</c>, whichever form it has: the merged
/// result while the engine still holds it (<see cref="MergedResponseValue"/>, how requests are audited), or written
/// JSON (<see cref="JsonResponseValue"/>). A struct constraint, so each form's walk is compiled for it.
/// </summary>
/// <typeparam name="TSelf">The implementing struct.</typeparam>
internal interface IResponseValue<TSelf>
    where TSelf : struct, IResponseValue<TSelf>
{
    /// <summary>Object, array, string, number, true, false or null (undefined for no value at all).</summary>
    JsonValueKind ValueKind { get; }

    bool TryGetProperty(string name, out TSelf value);

    IEnumerable<TSelf> EnumerateArray();

    string? GetString();

    /// <summary>What of this object was sent to other services beyond an entity key (only the merged result knows).</summary>
    IReadOnlyList<ForwardedFields> Forwarded { get; }

    /// <summary>For a null written by null propagation, what was merged there (<see cref="MergedValue.BehindNull"/>); otherwise no value.</summary>
    TSelf BehindNull { get; }
}
