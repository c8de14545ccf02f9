using ChildInfo.Federation.Composition;

namespace ChildInfo.Gateway.Cli;

/// <summary>
/// What another executable adds to the <c>childinfo</c> command line. The production host ships no subgraphs and no
/// sample data; the demo (<c>gateway/ChildInfo.Gateway.Demo</c>) adds the embedded sample agencies that
/// <c>serve</c> runs without <c>--supergraph</c>, the demo supergraph <c>policy explain</c> reads by default, and
/// <c>data generate</c>.
/// </summary>
public sealed record CommandLineExtensions
{
    /// <summary>The production host: nothing added.</summary>
    public static CommandLineExtensions None { get; } = new();

    /// <summary>Starts what <c>serve</c> runs when no <c>--supergraph</c> is given; null: <c>serve</c> asks for one.</summary>
    public Func<ServeOptions, byte[]?, TextWriter, CancellationToken, Task<EmbeddedSubgraphs>>? StartEmbedded { get; init; }

    /// <summary>The supergraph <c>policy explain</c> reads when <c>--supergraph</c> is not given; null: it asks for one.</summary>
    public Func<string>? DefaultSupergraph { get; init; }

    /// <summary>Further commands, by their first word (<c>data</c>); each gets the arguments after that word.</summary>
    public IReadOnlyDictionary<string, Func<string[], TextWriter, TextWriter, CancellationToken, Task<int>>> Commands { get; init; } =
        new Dictionary<string, Func<string[], TextWriter, TextWriter, CancellationToken, Task<int>>>();

    /// <summary>The executable that adds these (<c>childinfo-demo</c>), named above <see cref="Usage"/> in the help.</summary>
    public string Name { get; init; } = "childinfo";

    /// <summary>
    /// Usage text for <see cref="Commands"/> and the embedded subgraphs, printed after the host's own: one paragraph per
    /// command, each starting with the command's name (<c>childinfo COMMAND --help</c> prints that command's).
    /// </summary>
    public string? Usage { get; init; }
}

/// <summary>
/// Subgraphs <c>serve</c> started in this process: the supergraph composed from them, their SDLs for the registry,
/// where they listen, and how to stop them.
/// </summary>
public sealed record EmbeddedSubgraphs(string Supergraph, IReadOnlyList<SubgraphSdl> Subgraphs, IReadOnlyDictionary<string, string> Urls, IAsyncDisposable Running)
{
    /// <summary>One line saying what runs, printed when the gateway is listening.</summary>
    public string Description { get; init; } = "Embedded subgraphs";
}

/// <summary>Embedded subgraphs could not be started (for example, their sample data could not be generated).</summary>
public sealed class EmbeddedSubgraphsException(string message, Exception? inner = null) : Exception(message, inner);
