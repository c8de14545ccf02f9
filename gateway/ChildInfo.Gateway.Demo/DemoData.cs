using System.Globalization;
using ChildInfo.SampleData.Generation;

namespace ChildInfo.Gateway.Demo;

/// <summary>
/// The demo's sample data: generated once into its folder (one SQLite file per agency), its child index then built by
/// the linkage job (<see cref="DemoLinkage"/>; the generator's own index kept apart as the ground truth), and reused.
/// A marker file written after a complete run records the size, seed and agencies written, so an interrupted (a
/// linkage run that failed included), differently sized or older run is redone. A folder of agency databases the demo did not write (no marker, for example the output of
/// <c>data generate</c>) is left alone: the demo refuses it rather than replace it with its own population.
/// </summary>
public static class DemoData
{
    private const string MarkerFile = "generated.txt";

    /// <summary>
    /// Raised whenever the generated tables change shape, so a folder written by an older build is regenerated
    /// (2: the child index's register of legitimate relationships, which record scope is decided on; 3: ethnicity and
    /// the postcode geography the child index counts aggregate questions by; 4: the walk-through's wish, <see cref="DemoWishes"/>;
    /// 5: the child index built by the linkage job, the generator's kept apart in <see cref="DemoLinkage.TruthFile"/>;
    /// 6: the linkage job's blocking keys made so that pairs grow with the population, which a record linked between
    /// runs is looked up by).
    /// </summary>
    private const int Format = 6;

    /// <summary>What the marker says while a run is writing: a run interrupted before the end is redone.</summary>
    private const string Incomplete = "incomplete";

    /// <summary>
    /// Generates and links the data unless the folder already holds a complete run of the same size and seed, with the
    /// sample policies beside the executable and the folder's own audit log (<see cref="DemoLinkageOptions.ForDataDirectory"/>).
    /// </summary>
    /// <returns>True when it generated, false when it reused existing data.</returns>
    /// <exception cref="SampleDataException">The folder holds agency databases the demo did not write.</exception>
    /// <exception cref="DemoLinkageException">The linkage run failed: the folder stays marked incomplete, to be redone.</exception>
    public static Task<bool> EnsureAsync(string directory, int children, int seed, TextWriter output, CancellationToken cancellationToken) =>
        EnsureAsync(directory, children, seed, null, output, cancellationToken);

    /// <summary>Generates and links the data unless the folder already holds a complete run of the same size and seed.</summary>
    /// <param name="linkage">The policies and audit log of the linkage run; null: <see cref="DemoLinkageOptions.ForDataDirectory"/>.</param>
    /// <returns>True when it generated, false when it reused existing data.</returns>
    /// <exception cref="SampleDataException">The folder holds agency databases the demo did not write.</exception>
    /// <exception cref="DemoLinkageException">The linkage run failed: the folder stays marked incomplete, to be redone.</exception>
    public static async Task<bool> EnsureAsync(string directory, int children, int seed, DemoLinkageOptions? linkage, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var marker = Path.Combine(directory, MarkerFile);
        var generator = new SampleDataGenerator();
        var expected = Marker(children, seed, generator.AvailableAgencies);
        if (File.Exists(marker) && (await File.ReadAllTextAsync(marker, cancellationToken).ConfigureAwait(false)).Trim() == expected)
        {
            return false;
        }

        if (!File.Exists(marker) && generator.AvailableAgencies.Any(a => File.Exists(Path.Combine(directory, a + ".db"))))
        {
            throw new SampleDataException($"{Path.GetFullPath(directory)} holds agency databases the demo did not generate (it has no {MarkerFile}), "
                + "so the demo leaves them alone rather than replace them with its own population: serve them from their own processes, "
                + "or give the demo a folder of its own (with --children and --seed for the population you want).");
        }

        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(marker, Incomplete + Environment.NewLine, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync($"First run: generating sample data for {children:N0} children (seed {seed}) into {Path.GetFullPath(directory)} ...").ConfigureAwait(false);
        var summary = await generator.GenerateAsync(
            new SampleDataOptions { Children = children, Seed = seed, OutputDirectory = directory, Overwrite = true },
            cancellationToken: cancellationToken).ConfigureAwait(false);
        await DemoWishes.WriteAsync(directory, cancellationToken).ConfigureAwait(false);
        // The generator's index stays as the "previous" index the job rewrites, so its children's ids carry over to the
        // clusters that hold most of their records (see DemoLinkage); everything else in the index is the job's.
        await DemoLinkage.KeepTruthAsync(directory, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync($"Sample data ready in {summary.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s; the generator's ground truth kept apart in {DemoLinkage.TruthFile} (for 'link stats --truth' only).").ConfigureAwait(false);
        await DemoLinkage.RunAsync(directory, linkage ?? DemoLinkageOptions.ForDataDirectory(directory), output, cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(marker, expected + Environment.NewLine, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Format, size, seed and the agencies the generator writes: data from an older generator is redone.</summary>
    private static string Marker(int children, int seed, IReadOnlyList<string> agencies) =>
        string.Create(CultureInfo.InvariantCulture, $"format={Format} children={children} seed={seed} agencies={string.Join(',', agencies)}");
}
