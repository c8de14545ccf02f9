using ChildInfo.SampleData.Generation;

namespace ChildInfo.SampleData;

/// <summary>
/// The generator on its own: <c>dotnet run -c Release --project subgraphs/ChildInfo.SampleData -- --children 100000</c>.
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        return await SampleDataCommand.RunAsync(args, Console.Out, Console.Error, cancel.Token).ConfigureAwait(false);
    }
}
