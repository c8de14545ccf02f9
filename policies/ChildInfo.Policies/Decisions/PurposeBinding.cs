using System.Collections.Immutable;

namespace ChildInfo.Policies.Decisions;

/// <summary>
/// The outcome of binding a request to a role and purpose. When refused, <see cref="AllowedPurposes"/> lists the
/// purposes this role may use, for the error the caller sees; when allowed, <see cref="Scope"/> decides fields.
/// </summary>
public sealed record PurposeBinding(
    bool Allowed,
    string Code,
    string Message,
    ImmutableArray<string> AllowedPurposes,
    PolicyScope? Scope);
