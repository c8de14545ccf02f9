namespace ChildInfo.Registry;

/// <summary>Why a store raised <see cref="IRegistryStore.Changed"/>.</summary>
public enum RegistryChangeKind
{
    /// <summary>A writer (this process or another replica) stored a new revision.</summary>
    Written,

    /// <summary>A lost connection came back: notifications may have been missed, so followers should re-read.</summary>
    Reconnected,
}
