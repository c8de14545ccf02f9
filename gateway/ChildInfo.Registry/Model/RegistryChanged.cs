namespace ChildInfo.Registry;

/// <summary>
/// A change notice. For <see cref="RegistryChangeKind.Written"/> the revision just written; for
/// <see cref="RegistryChangeKind.Reconnected"/> the newest revision the store knew of (re-read to be sure).
/// </summary>
public sealed record RegistryChanged(long Revision, RegistryChangeKind Kind);
