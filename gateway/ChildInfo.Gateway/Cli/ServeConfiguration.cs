namespace ChildInfo.Gateway.Cli;

/// <summary>
/// Where <c>childinfo serve</c> reads its settings, in rising precedence: <c>appsettings.json</c> and
/// <c>appsettings.{Environment}.json</c> in the working directory, environment variables (<c>__</c> for <c>:</c>, as in
/// <c>ChildInfo__Redis</c>), and <c>--Section:Key=value</c> on the command line. Read once at start, not reloaded:
/// a change takes a restart, like any other deployment change.
/// </summary>
public static class ServeConfiguration
{
    /// <exception cref="ServeConfigurationException">An appsettings file is not valid JSON.</exception>
    public static IConfigurationRoot Build(ServeOptions options, string environment, string? directory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            return new ConfigurationBuilder()
                .SetBasePath(directory ?? Directory.GetCurrentDirectory())
                .AddJsonFile("appsettings.json", optional: true, reloadOnChange: false)
                .AddJsonFile($"appsettings.{environment}.json", optional: true, reloadOnChange: false)
                .AddEnvironmentVariables()
                .AddInMemoryCollection(options.Settings)
                .Build();
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException)
        {
            // The JSON reader's own words, innermost, say where (line and position).
            var reasons = new[] { ex.Message, ex.InnerException?.Message, ex.GetBaseException().Message }.OfType<string>().Distinct();
            throw new ServeConfigurationException([string.Join(" ", reasons)]);
        }
    }
}
