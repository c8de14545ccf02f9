using System.Globalization;
using ChildInfo.Federation.Transport;

namespace ChildInfo.Gateway.Hosting;

/// <summary>
/// How the gateway calls subgraphs: a deadline per client request, a timeout per attempt, a circuit breaker per
/// subgraph, one retry of a query whose connection could not be made, and HTTP/2 where it can be had. Read from the
/// <c>ChildInfo:SubgraphCalls</c> configuration section (environment: <c>ChildInfo__SubgraphCalls__RequestDeadline</c>
/// and so on) unless the host is given them.
/// </summary>
public sealed record SubgraphCallOptions
{
    public const string Section = "ChildInfo:SubgraphCalls";

    // An answer under 1 KB could not carry an ordinary error; one of over 1 GB would be parsed whole in memory.
    private const long MinAnswerBytes = 1024;
    private const long MaxAnswerBytesCeiling = 1024L * 1024 * 1024;

    /// <summary>How long one client request may wait for all its subgraph calls together.</summary>
    public TimeSpan RequestDeadline { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one attempt at one subgraph call may take; a subgraph that takes longer counts as failing.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Calls to a subgraph within <see cref="BreakerSamplingDuration"/> before its circuit may open.</summary>
    public int BreakerMinimumCalls { get; init; } = 5;

    /// <summary>The share of those calls that must fail to open the circuit (1: all of them).</summary>
    public double BreakerFailureRatio { get; init; } = 0.5;

    /// <summary>The window in which failures are counted.</summary>
    public TimeSpan BreakerSamplingDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long calls to a subgraph fail fast once its circuit opened, before one call tries it again.</summary>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Whether a query (never a mutation) whose connection could not be made is tried once more at once: the
    /// subgraph never saw it, so nothing is done twice.
    /// </summary>
    public bool RetryQueriesOnConnectionFailure { get; init; } = true;

    /// <summary>
    /// HTTP/2 over plain <c>http://</c> (prior knowledge, "h2c"): only for subgraphs known to speak it, as a plain
    /// connection cannot negotiate it. <c>https://</c> subgraphs get HTTP/2 whenever they offer it.
    /// </summary>
    public bool Http2WithoutTls { get; init; }

    /// <summary>
    /// The longest answer read from a subgraph for a client's query, in bytes (as decoded); a longer answer fails
    /// that subgraph's part of the query, as an outage would, and is not read further.
    /// </summary>
    public long MaxAnswerBytes { get; init; } = HttpSubgraphTransport.DefaultMaxAnswerBytes;

    /// <summary>The clock of the circuit breakers and attempt timeouts (tests drive it).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Reads the settings given under <see cref="Section"/>; the defaults for what is not given.</summary>
    public static SubgraphCallOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        var defaults = new SubgraphCallOptions();
        return new SubgraphCallOptions
        {
            RequestDeadline = Duration(section, nameof(RequestDeadline), defaults.RequestDeadline),
            AttemptTimeout = Duration(section, nameof(AttemptTimeout), defaults.AttemptTimeout),
            BreakerMinimumCalls = Read(section, nameof(BreakerMinimumCalls), defaults.BreakerMinimumCalls, v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null),
            BreakerFailureRatio = Read(section, nameof(BreakerFailureRatio), defaults.BreakerFailureRatio, v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null),
            BreakerSamplingDuration = Duration(section, nameof(BreakerSamplingDuration), defaults.BreakerSamplingDuration),
            BreakDuration = Duration(section, nameof(BreakDuration), defaults.BreakDuration),
            RetryQueriesOnConnectionFailure = Read(section, nameof(RetryQueriesOnConnectionFailure), defaults.RetryQueriesOnConnectionFailure, v => bool.TryParse(v, out var b) ? b : null),
            Http2WithoutTls = Read(section, nameof(Http2WithoutTls), defaults.Http2WithoutTls, v => bool.TryParse(v, out var b) ? b : null),
            MaxAnswerBytes = Read(section, nameof(MaxAnswerBytes), defaults.MaxAnswerBytes, v => long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null),
        }.Validated();
    }

    /// <summary>Throws <see cref="SubgraphCallOptionsException"/> naming the first setting out of range.</summary>
    public SubgraphCallOptions Validated()
    {
        // The breaker's and timeout's own bounds (Polly refuses durations under half a second, attempts under 10 ms).
        Check(RequestDeadline > TimeSpan.Zero, nameof(RequestDeadline), "must be longer than zero");
        Check(AttemptTimeout >= TimeSpan.FromMilliseconds(10) && AttemptTimeout <= TimeSpan.FromHours(24), nameof(AttemptTimeout), "must be between 10 ms and 24 h");
        Check(BreakerMinimumCalls >= 2, nameof(BreakerMinimumCalls), "must be at least 2");
        Check(BreakerFailureRatio > 0 && BreakerFailureRatio <= 1, nameof(BreakerFailureRatio), "must be more than 0 and at most 1");
        Check(BreakerSamplingDuration >= TimeSpan.FromMilliseconds(500), nameof(BreakerSamplingDuration), "must be at least 500 ms");
        Check(BreakDuration >= TimeSpan.FromMilliseconds(500) && BreakDuration <= TimeSpan.FromDays(1), nameof(BreakDuration), "must be between 500 ms and one day");
        Check(MaxAnswerBytes >= MinAnswerBytes && MaxAnswerBytes <= MaxAnswerBytesCeiling, nameof(MaxAnswerBytes), $"must be between {MinAnswerBytes} and {MaxAnswerBytesCeiling} bytes");
        return this;
    }

    private static void Check(bool valid, string setting, string rule)
    {
        if (!valid)
        {
            throw new SubgraphCallOptionsException($"{Section}:{setting} {rule}.");
        }
    }

    private static TimeSpan Duration(IConfigurationSection section, string key, TimeSpan fallback) =>
        Read<TimeSpan>(section, key, fallback, v => TimeSpan.TryParse(v, CultureInfo.InvariantCulture, out var t) ? t : null);

    private static T Read<T>(IConfigurationSection section, string key, T fallback, Func<string, T?> parse)
        where T : struct
    {
        var value = section[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return parse(value.Trim()) ?? throw new SubgraphCallOptionsException(
            $"{Section}:{key} is '{value}', which is not a {(typeof(T) == typeof(TimeSpan) ? "duration such as 00:00:05" : typeof(T) == typeof(bool) ? "true or false" : "number")}.");
    }
}

/// <summary>A subgraph call setting is missing its form or out of range.</summary>
public sealed class SubgraphCallOptionsException : Exception
{
    public SubgraphCallOptionsException()
    {
    }

    public SubgraphCallOptionsException(string message)
        : base(message)
    {
    }

    public SubgraphCallOptionsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
