using System.Globalization;
using ChildInfo.SampleData.Generation;

namespace ChildInfo.Gateway.Demo;

/// <summary>
/// The demo's sample data: generated once into its folder (one SQLite file per agency), then reused. A marker file
/// written after a complete run records the size, seed and agencies written, so an interrupted, differently sized
/// or older run is redone. A folder of agency databases the demo did not write (no marker, for example the output of
/// <c>data generate</c>) is left alone: the demo refuses it rather than replace it with its own population.
/// </summary>
public static class DemoData
{
    private const string MarkerFile = "generated.txt";

    /// <summary>
    /// Raised whenever the generated tables change shape, so a folder written by an older build is regenerated
    /// (2: the child index's register of legitimate relationships, which record scope is decided on; 3: ethnicity and
    /// the postcode geography the child index counts aggregate questions by; 4: the walk-through's wish, <see cref="DemoWishes"/>).
    /// </summary>
    private const int Format = 4;

    /// <summary>What the marker says while a run is writing: a run interrupted before the end is redone.</summary>
    private const string Incomplete = "incomplete";

    /// <summary>Generates the data unless the folder already holds a complete run of the same size and seed.</summary>
    /// <returns>True when it generated, false when it reused existing data.</returns>
    /// <exception cref="SampleDataException">The folder holds agency databases the demo did not write.</exception>
    public static async Task<bool> EnsureAsync(string directory, int children, int seed, TextWriter output, CancellationToken cancellationToken)
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
        await File.WriteAllTextAsync(marker, expected + Environment.NewLine, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync($"Sample data ready in {summary.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s.").ConfigureAwait(false);
        return true;
    }

    /// <summary>Format, size, seed and the agencies the generator writes: data from an older generator is redone.</summary>
    private static string Marker(int children, int seed, IReadOnlyList<string> agencies) =>
        string.Create(CultureInfo.InvariantCulture, $"format={Format} children={children} seed={seed} agencies={string.Join(',', agencies)}");
}
