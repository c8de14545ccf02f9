using System.Diagnostics;
using ChildInfo.Federation.Supergraph;
using ChildInfo.Gateway.Authorisation;
using ChildInfo.Linkage.Linking;
using ChildInfo.Linkage.Store;

namespace ChildInfo.Gateway.Linkage;

/// <summary>
/// One run of the linkage job for a caller bound to a linkage-only purpose: every agency that offers records for
/// linkage must be one the rule may identify (else nothing is read), every agency's records are read whole (else
/// nothing is written), the linker runs with the reviewers' decisions, and the store writes the child index in one
/// transaction.
/// </summary>
public sealed class LinkageJob(LinkageServices services, SupergraphSchema supergraph, GatewayRequestContext context)
{
    /// <exception cref="LinkageJobException">An agency may not be read, did not answer, or gave malformed records; or the store refused the run. Nothing was written.</exception>
    public async Task<LinkageRunReport> RunAsync(IProgress<string>? progress, CancellationToken ct)
    {
        var scope = context.Scope ?? throw new InvalidOperationException("The linkage job runs only for a request bound to a policy scope.");
        var reader = new SubgraphLinkageReader(services, supergraph, context with { SubgraphLabels = scope.IdentifyingLabels.ToHashSet(StringComparer.Ordinal) });
        var agencies = reader.Agencies();
        if (agencies.Count == 0)
        {
            throw new LinkageJobException("none", LinkageJobException.NothingOffered, "No agency in the supergraph offers records for linkage (_linkageRecords).");
        }

        foreach (var agency in agencies)
        {
            var decision = scope.DecideIdentify(agency);
            if (!decision.Allowed)
            {
                throw new LinkageJobException(agency, decision.Code, decision.Reason + " The run reads every agency or none, so nothing was read.");
            }
        }

        var clock = Stopwatch.StartNew();
        var read = await Task.WhenAll(agencies.Select(a => reader.ReadAsync(a, progress, ct))).ConfigureAwait(false);
        var records = read.SelectMany(r => r).ToList();
        var readTime = clock.Elapsed;
        progress?.Report($"{records.Count:N0} records read from {agencies.Count} agencies in {readTime.TotalSeconds:0.0} s");

        try
        {
            await services.Store.EnsureCreatedAsync(ct).ConfigureAwait(false);
            var decisions = await services.Store.ReviewDecisionsAsync(ct).ConfigureAwait(false);
            clock.Restart();
            var result = new Linker(services.Options.Engine).Run(records, decisions, progress);
            var linkTime = clock.Elapsed;
            clock.Restart();
            var summary = await services.Store.WriteAsync(result, records, agencies, progress, ct).ConfigureAwait(false);
            var writeTime = clock.Elapsed;
            var stats = await services.Store.StatsAsync(ct).ConfigureAwait(false);
            return new LinkageRunReport(summary.RunId, agencies.Zip(read).ToDictionary(p => p.First, p => p.Second.Count, StringComparer.Ordinal), records.Count, result.CandidatePairs,
                summary.Children, summary.NewChildren, summary.RemovedChildren, summary.MovedRecords, summary.MovedRelationships, summary.Review, stats.LinksByMethod,
                readTime.TotalSeconds, linkTime.TotalSeconds, writeTime.TotalSeconds);
        }
        catch (LinkageStoreException ex)
        {
            throw new LinkageJobException("child-index", LinkageJobException.StoreRefused, ex.Message);
        }
        catch (ArgumentException ex) when (ex.ParamName == "records")
        {
            throw new LinkageJobException("unknown", LinkageJobException.Malformed, ex.Message);
        }
    }

    /// <summary>
    /// Links one new or changed record between runs: reads it alone from <paramref name="agency"/> (under the same
    /// <c>identify:</c> rule as a run), and links it under the model the last run saved, in one transaction.
    /// </summary>
    /// <exception cref="LinkageJobException">The agency may not be read, does not offer records, holds no such record, did not answer; or the store refused. Nothing was written.</exception>
    public async Task<LinkageRecordReport> LinkRecordAsync(string agency, string localId, CancellationToken ct)
    {
        var scope = context.Scope ?? throw new InvalidOperationException("The linkage job runs only for a request bound to a policy scope.");
        var reader = new SubgraphLinkageReader(services, supergraph, context with { SubgraphLabels = scope.IdentifyingLabels.ToHashSet(StringComparer.Ordinal) });
        if (!reader.Agencies().Contains(agency, StringComparer.Ordinal))
        {
            throw new LinkageJobException(agency, LinkageJobException.NothingOffered, $"No agency named '{agency}' offers records for linkage (_linkageRecords).");
        }

        var decision = scope.DecideIdentify(agency);
        if (!decision.Allowed)
        {
            throw new LinkageJobException(agency, decision.Code, decision.Reason);
        }

        var clock = Stopwatch.StartNew();
        var record = await reader.ReadOneAsync(agency, localId, ct).ConfigureAwait(false)
            ?? throw new LinkageJobException(agency, LinkageJobException.RecordNotFound, $"The {agency} service holds no record with that local id; a record it no longer holds leaves the index at the next full run.");
        var readTime = clock.Elapsed;
        clock.Restart();
        try
        {
            await services.Store.EnsureCreatedAsync(ct).ConfigureAwait(false);
            var summary = await services.Store.LinkRecordAsync(record, services.Options.Engine, ct).ConfigureAwait(false);
            return new LinkageRecordReport(summary.UpdateId, agency, summary.LinkId, summary.Outcome, summary.Method, summary.Confidence, summary.NewChild, summary.Moved,
                summary.RemovedChild, summary.Review, summary.Candidates, readTime.TotalSeconds, clock.Elapsed.TotalSeconds);
        }
        catch (LinkageStoreException ex)
        {
            throw new LinkageJobException("child-index", LinkageJobException.StoreRefused, ex.Message);
        }
    }
}
