namespace ChildInfo.Gateway.Tests.Support;

/// <summary>Waits for something the system does after it has answered (a span that ends, a replica that follows).</summary>
public static class Progress
{
    /// <summary>Waits (bounded) until the condition holds: progress, not time, moves the test on.</summary>
    public static async Task UntilAsync(Func<bool> condition, string what = "Nothing moved on")
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"{what} within 60 s.");
            await Task.Yield();
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }
}
