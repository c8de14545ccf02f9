using ChildInfo.Federation.Errors;
using ChildInfo.Federation.Execution;
using ChildInfo.Federation.Supergraph;
using ChildInfo.Federation.Tests.Infrastructure;
using ChildInfo.Federation.Tests.Supergraph;

namespace ChildInfo.Federation.Tests.Execution;

/// <summary>
/// The index that says whether an error already explains a null agrees with the definition it replaced (scan every
/// error for a path that is a prefix of the asked one or has it as a prefix, and every failed fetch for a prefix),
/// over random paths, errors added between questions included.
/// </summary>
public sealed class ErrorPathIndexTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Covers_AgreesWithScanningEveryError(int seed)
    {
        var random = new Random(seed);
        var state = new ExecutionState(SupergraphLoader.Load(SupergraphLoaderTests.Fixture), new FixedAnswerTransport("{}"), new FederationEngineOptions(), default, null);
        var index = new ErrorPathIndex(state);
        var agreed = 0;
        for (var round = 0; round < 2_000; round++)
        {
            switch (random.Next(6))
            {
                case 0:
                    state.Errors.Add(new GraphQLError("e", ErrorCodes.SubgraphError, random.Next(8) == 0 ? null : RandomPath(random)));
                    break;
                case 1 when random.Next(4) == 0:
                    state.FailedPaths.Add([.. RandomPath(random)]);
                    break;
                default:
                    var asked = RandomPath(random);
                    Assert.Equal(Scan(state, asked), index.Covers(asked));
                    agreed++;
                    break;
            }
        }

        Assert.True(agreed > 1_000);
    }

    /// <summary>Short paths over few names and indexes, so that prefixes meet often; an index is boxed afresh each time.</summary>
    private static List<object> RandomPath(Random random)
    {
        var path = new List<object>();
        for (var i = random.Next(5); i > 0; i--)
        {
            path.Add(random.Next(2) == 0 ? "abc"[random.Next(3)].ToString() : (object)random.Next(3));
        }

        return path;
    }

    private static bool Scan(ExecutionState state, IReadOnlyList<object> path) =>
        state.Errors.Any(e => e.Path is not null && (IsPrefix(e.Path, path) || IsPrefix(path, e.Path)))
        || state.FailedPaths.Any(f => IsPrefix(f, path));

    private static bool IsPrefix(IReadOnlyList<object> prefix, IReadOnlyList<object> path) =>
        prefix.Count <= path.Count && prefix.Select((segment, i) => Equals(segment, path[i])).All(same => same);
}
