namespace ChildInfo.Federation.Transport;

/// <summary>
/// Sends one GraphQL request to one subgraph. Throws when the subgraph cannot be reached, answers with an HTTP
/// error or does not answer with a GraphQL response; the executor turns that into a partial result with errors.
/// </summary>
public interface ISubgraphTransport
{
    Task<SubgraphResponse> SendAsync(SubgraphRequest request, CancellationToken cancellationToken);
}
