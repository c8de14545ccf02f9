using ChildInfo.Federation;

namespace ChildInfo.Gateway.Hosting;

/// <summary>
/// The gateway the host serves, held in one reference: a request takes the current engine once and keeps it to the
/// end, so a later swap (a new supergraph from the registry) never changes a request in flight.
/// </summary>
public sealed class GatewayState
{
    private FederatedGateway _current;

    public GatewayState(FederatedGateway gateway)
    {
        _current = gateway ?? throw new ArgumentNullException(nameof(gateway));
    }

    public FederatedGateway Current => Volatile.Read(ref _current);

    /// <summary>Replaces the served gateway; returns the one it replaced.</summary>
    public FederatedGateway Swap(FederatedGateway next) =>
        Interlocked.Exchange(ref _current, next ?? throw new ArgumentNullException(nameof(next)));
}
