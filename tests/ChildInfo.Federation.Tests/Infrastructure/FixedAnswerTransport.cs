using ChildInfo.Federation.Transport;

namespace ChildInfo.Federation.Tests.Infrastructure;

/// <summary>Answers every subgraph call with the same bytes, exactly as given (malformed ones included).</summary>
internal sealed class FixedAnswerTransport(byte[] answer) : ISubgraphTransport
{
    public FixedAnswerTransport(string answer)
        : this(System.Text.Encoding.UTF8.GetBytes(answer))
    {
    }

    public Task<SubgraphResponse> SendAsync(SubgraphRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(SubgraphResponse.Parse(answer));
}
