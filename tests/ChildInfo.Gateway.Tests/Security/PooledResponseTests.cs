namespace ChildInfo.Gateway.Tests.Security;

/// <summary>
/// Each response's <c>data</c> is written into a buffer rented from a shared pool and returned once the response is
/// written: concurrent requests for different children must each get exactly their own child's answer, never bytes
/// another request wrote into a reused buffer.
/// </summary>
public sealed class PooledResponseTests(SecuredGatewayFixture fixture) : IClassFixture<SecuredGatewayFixture>
{
    private const string ChildQuery = "query($id: ID!) { child(id: $id) { id forename surname dateOfBirth pupil { upn } } }";

    [Fact]
    public async Task ConcurrentRequestsForDifferentChildren_EachGetOnlyTheirOwnChildsAnswer()
    {
        var children = await fixture.LinkedChildrenAsync("education", 6);
        Assert.True(children.Count >= 2, "the sample data links at least two children to education");
        var alone = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var child in children)
        {
            var exchange = await fixture.ChildAsync(ChildQuery, child, "pooled alone");
            Assert.True(exchange.Status == 200, exchange.Body.GetRawText());
            alone[child] = exchange.Body.GetProperty("data").GetRawText();
        }

        Assert.Equal(children.Count, alone.Values.Distinct(StringComparer.Ordinal).Count());

        // Twenty rounds of every child at once: buffers are returned and rented again between and within rounds.
        for (var round = 0; round < 20; round++)
        {
            var answers = await Task.WhenAll(children.Select(async child => (child, await fixture.ChildAsync(ChildQuery, child, "pooled concurrent"))));
            foreach (var (child, exchange) in answers)
            {
                Assert.True(exchange.Status == 200, exchange.Body.GetRawText());
                Assert.Equal(alone[child], exchange.Body.GetProperty("data").GetRawText());
            }
        }
    }
}
