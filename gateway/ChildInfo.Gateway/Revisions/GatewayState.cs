namespace ChildInfo.Gateway.Revisions;

/// <summary>
/// The revision the host serves, held in one reference: a request takes the current revision once and keeps it to
/// the end, so a swap (a new supergraph and policy set from the registry) never changes a request in flight.
/// </summary>
public sealed class GatewayState
{
    private GatewayRevision _current;

    public GatewayState(GatewayRevision revision)
    {
        _current = revision ?? throw new ArgumentNullException(nameof(revision));
    }

    public GatewayRevision Current => Volatile.Read(ref _current);

    /// <summary>Replaces the served revision; returns the one it replaced.</summary>
    public GatewayRevision Swap(GatewayRevision next)
    {
        return Interlocked.Exchange(ref _current, next ?? throw new ArgumentNullException(nameof(next)));
    }
}
