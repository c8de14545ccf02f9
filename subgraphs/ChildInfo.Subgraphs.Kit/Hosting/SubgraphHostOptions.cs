using ChildInfo.Subgraphs.Kit.Data;

namespace ChildInfo.Subgraphs.Kit.Hosting;

/// <summary>How to host a subgraph; anything left null comes from configuration or defaults.</summary>
public sealed record SubgraphHostOptions
{
    /// <summary>Listen address, for example <c>http://127.0.0.1:0</c> for a free port.</summary>
    public string? Url { get; init; }

    public DatabaseOptions? Database { get; init; }

    /// <summary>Most representations accepted in one <c>_entities</c> call.</summary>
    public int MaxRepresentations { get; init; } = 1000;

    /// <summary>Largest request body accepted, in bytes.</summary>
    public long MaxRequestBodyBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>
    /// The key (256 bits or more) the gateway signs each call's <c>ChildInfo-Context</c> with; null takes
    /// <c>Subgraph:ContextKey</c> (base64) from configuration. With neither, calls are accepted unsigned (development
    /// only, warned at start); with one, a call without a valid context is refused with 401.
    /// </summary>
    public byte[]? ContextKey { get; init; }

    /// <summary>
    /// The name the gateway knows this subgraph by (its <c>join__graph</c> name), which each call's context must be
    /// for (<c>aud</c>); null takes <c>Subgraph:Name</c> from configuration, else <see cref="SubgraphDefinition.Name"/>.
    /// </summary>
    public string? Name { get; init; }

    /// <summary>The clock contexts are checked against.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
