using System.Globalization;
using ChildInfo.Gateway.Cli;
using ChildInfo.SampleData.Generation;

namespace ChildInfo.Gateway.Demo;

/// <summary><c>childinfo data generate --children N --seed S --out DIR [--overwrite]</c>: sample data as SQLite files.</summary>
public static class DataGenerateCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var reader = new ArgumentReader("data generate", args, new HashSet<string> { "children", "seed", "out" }, new HashSet<string> { "overwrite" });
        var options = new SampleDataOptions
        {
            Children = reader.Int("children", SampleDataOptions.MinChildren, SampleDataOptions.MaxChildren) ?? 10_000,
            Seed = reader.Int("seed", int.MinValue, int.MaxValue) ?? SampleDataOptions.DefaultSeed,
            OutputDirectory = reader.String("out") ?? "data",
            Overwrite = reader.Has("overwrite"),
        };
        try
        {
            await output.WriteLineAsync($"Generating {options.Children:N0} children (seed {options.Seed}) into {Path.GetFullPath(options.OutputDirectory)} ...").ConfigureAwait(false);
            var progress = new Progress<GenerationProgress>(p => output.WriteLine($"  {p.ChildrenWritten:N0} / {p.TotalChildren:N0}"));
            var summary = await new SampleDataGenerator().GenerateAsync(options, progress, cancellationToken).ConfigureAwait(false);
            foreach (var agency in summary.Agencies)
            {
                await output.WriteLineAsync($"  {agency.Agency,-18} {agency.Target} ({agency.RowCounts.Sum(r => r.Value):N0} rows)").ConfigureAwait(false);
            }

            await output.WriteLineAsync($"Done in {summary.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s.").ConfigureAwait(false);
            return 0;
        }
        catch (SampleDataException ex)
        {
            await error.WriteLineAsync($"childinfo: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
    }
}
