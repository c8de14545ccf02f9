using System.Data.Common;
using System.Diagnostics;
using System.Threading.Channels;
using ChildInfo.SampleData.Population;
using ChildInfo.SampleData.Reference;
using ChildInfo.SampleData.Writers;
using ChildInfo.Subgraphs.Kit.Data;

namespace ChildInfo.SampleData.Generation;

/// <summary>
/// Generates a synthetic population and writes every agency's database from it: checks the targets, creates each
/// agency's schema, writes reference data, then streams the children in chunks to all agency writers at once (each
/// writer on its own connection, fed through a small bounded queue, so memory stays flat at any size). Used by the
/// generator's command line, by <c>childinfo data generate</c> and by the demo's first run.
/// </summary>
public sealed class SampleDataGenerator
{
    private const int QueuedChunksPerAgency = 3;

    private readonly Func<IReadOnlyList<IAgencyWriter>> _writers;

    /// <param name="writers">The writers to use; by default <see cref="AgencyWriters.All"/>.</param>
    public SampleDataGenerator(Func<IReadOnlyList<IAgencyWriter>>? writers = null)
    {
        _writers = writers ?? AgencyWriters.All;
    }

    /// <summary>Agencies this build can write.</summary>
    public IReadOnlyList<string> AvailableAgencies => _writers().Select(w => w.Agency).ToArray();

    /// <exception cref="SampleDataException">The options are invalid or a target holds data and overwriting was not asked for.</exception>
    public async Task<GenerationSummary> GenerateAsync(
        SampleDataOptions options,
        IProgress<GenerationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var stopwatch = Stopwatch.StartNew();
        var writers = _writers();
        var problems = SampleDataOptionsValidator.Validate(options, writers.Select(w => w.Agency).ToArray());
        if (problems.Count > 0)
        {
            throw new SampleDataException(string.Join(Environment.NewLine, problems));
        }

        var selected = options.Agencies is null ? writers : writers.Where(w => options.Agencies.Contains(w.Agency)).ToArray();
        var targets = selected.Select(w => new AgencyTarget(w, options.DatabaseFor(w.Agency))).ToArray();

        // Check every target before touching any, so a refusal leaves everything as it was.
        var refusals = new List<string>();
        foreach (var target in targets)
        {
            if (await CheckAsync(target, options.Overwrite, cancellationToken).ConfigureAwait(false) is { } refusal)
            {
                refusals.Add(refusal);
            }
        }
        if (refusals.Count > 0)
        {
            throw new SampleDataException(string.Join(Environment.NewLine, refusals));
        }

        foreach (var target in targets)
        {
            await target.PrepareAsync(options.Overwrite, cancellationToken).ConfigureAwait(false);
        }

        var reference = ReferenceDataFactory.Create();
        var context = new GenerationContext(options.Seed, options.ReferenceDate, reference);
        var population = new PopulationGenerator(options.Seed, options.ReferenceDate, reference);

        await WriteAsync(population, targets, context, options, progress, stopwatch, cancellationToken).ConfigureAwait(false);

        var summaries = new List<AgencySummary>(targets.Length);
        foreach (var target in targets)
        {
            await target.FinishAsync(cancellationToken).ConfigureAwait(false);
            summaries.Add(new AgencySummary(target.Writer.Agency, target.Describe(), await target.CountRowsAsync(cancellationToken).ConfigureAwait(false)));
        }
        return new GenerationSummary(options.Children, options.Seed, options.ReferenceDate, stopwatch.Elapsed, summaries);
    }

    private static async Task<string?> CheckAsync(AgencyTarget target, bool overwrite, CancellationToken cancellationToken)
    {
        try
        {
            return await target.CheckAsync(overwrite, cancellationToken).ConfigureAwait(false);
        }
        catch (DbException ex)
        {
            return $"Cannot open the {target.Writer.Agency} database ({target.Describe()}): {ex.Message}";
        }
        catch (ArgumentException ex)
        {
            return $"The {target.Writer.Agency} connection string is not valid: {ex.Message}";
        }
    }

    private static async Task WriteAsync(
        PopulationGenerator population,
        AgencyTarget[] targets,
        GenerationContext context,
        SampleDataOptions options,
        IProgress<GenerationProgress>? progress,
        Stopwatch stopwatch,
        CancellationToken cancellationToken)
    {
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = failed.Token;
        var reporter = new ProgressReporter(options.Children, targets.Length, progress, stopwatch);
        var queues = targets.Select(_ => Channel.CreateBounded<IReadOnlyList<SyntheticChild>>(
            new BoundedChannelOptions(QueuedChunksPerAgency) { SingleReader = true, SingleWriter = true })).ToArray();

        Exception? firstFailure = null;
        var consumers = new Task[targets.Length];
        for (var i = 0; i < targets.Length; i++)
        {
            var index = i;
            consumers[i] = Task.Run(async () =>
            {
                try
                {
                    await ConsumeAsync(targets[index], queues[index].Reader, context, reporter, index, token).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    // The first failure is the cause; what the cancellation then does to the others is not.
                    Interlocked.CompareExchange(ref firstFailure, ex, null);
                    await failed.CancelAsync().ConfigureAwait(false);
                    throw;
                }
            }, CancellationToken.None);
        }

        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var chunk in population.GenerateChunks(options.Children, options.ChunkSize))
                {
                    foreach (var queue in queues)
                    {
                        await queue.Writer.WriteAsync(chunk, token).ConfigureAwait(false);
                    }
                }
            }
            catch (Exception ex)
            {
                Interlocked.CompareExchange(ref firstFailure, ex, null);
                await failed.CancelAsync().ConfigureAwait(false);
                throw;
            }
            finally
            {
                foreach (var queue in queues)
                {
                    queue.Writer.TryComplete();
                }
            }
        }, CancellationToken.None);

        try
        {
            await Task.WhenAll(consumers.Append(producer)).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested && Volatile.Read(ref firstFailure) is not null)
        {
            // Report the writer's own failure rather than the cancellations it caused elsewhere.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(firstFailure!).Throw();
            throw;
        }
    }

    private static async Task ConsumeAsync(
        AgencyTarget target, ChannelReader<IReadOnlyList<SyntheticChild>> reader, GenerationContext context,
        ProgressReporter reporter, int index, CancellationToken cancellationToken)
    {
        await using var bulk = await BulkWriter.OpenAsync(target.Database, cancellationToken).ConfigureAwait(false);
        await target.Writer.WriteReferenceDataAsync(bulk, context, cancellationToken).ConfigureAwait(false);
        // Commits are not cancelled half-way: a cancelled commit would leave the writer without a transaction.
        await bulk.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        await foreach (var chunk in reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            await target.Writer.WriteChildrenAsync(bulk, chunk, context, cancellationToken).ConfigureAwait(false);
            await bulk.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            reporter.Written(index, chunk.Count);
        }
    }

    /// <summary>Reports progress each time every agency has passed another tenth of the children.</summary>
    private sealed class ProgressReporter
    {
        private readonly int _total;
        private readonly int[] _written;
        private readonly IProgress<GenerationProgress>? _progress;
        private readonly Stopwatch _stopwatch;
        private readonly Lock _lock = new();
        private int _lastTenth;

        public ProgressReporter(int total, int agencies, IProgress<GenerationProgress>? progress, Stopwatch stopwatch)
        {
            _total = total;
            _written = new int[agencies];
            _progress = progress;
            _stopwatch = stopwatch;
        }

        public void Written(int agency, int children)
        {
            if (_progress is null)
            {
                return;
            }

            GenerationProgress? report = null;
            lock (_lock)
            {
                _written[agency] += children;
                var done = _written.Min();
                var tenth = (int)(10L * done / _total);
                if (tenth > _lastTenth)
                {
                    _lastTenth = tenth;
                    report = new GenerationProgress(done, _total, _stopwatch.Elapsed);
                }
            }
            if (report is not null)
            {
                _progress.Report(report);
            }
        }
    }
}
