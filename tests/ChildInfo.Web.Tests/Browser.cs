using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(ChildInfo.Web.Tests.Browser))]

namespace ChildInfo.Web.Tests;

/// <summary>
/// Debian's chromium driven by Playwright (browsers cannot be downloaded here). Without it the browser tests are
/// skipped with the reason, except under <c>CI=true</c>, where a missing browser fails them.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Where screenshots go: <c>CHILDINFO_SCREENSHOTS</c>, else <c>screenshots</c> beside the test assembly.</summary>
    public string ScreenshotDirectory { get; } = Environment.GetEnvironmentVariable("CHILDINFO_SCREENSHOTS") is { Length: > 0 } configured
        ? configured
        : Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async ValueTask InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("CHILDINFO_CHROMIUM") is { Length: > 0 } configured ? configured : ChromiumPath;
        if (!File.Exists(executable))
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = executable, Headless = true, Args = ["--no-sandbox"] });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    /// <summary>A fresh browser context (its own cookies), or a skip or failure when there is no browser.</summary>
    public async Task<IBrowserContext> NewContextAsync()
    {
        if (_browser is null)
        {
            var message = $"Chromium is not installed at {ChromiumPath} (apt-get install chromium; .ci/run installs it).";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(message);
            }

            Assert.Skip(message);
        }

        return await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 900 }, Locale = "en-GB" });
    }

    /// <summary>Saves a full-page screenshot as test output.</summary>
    public Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    /// <summary>Runs axe on the page and fails on any serious or critical violation, naming each.</summary>
    public static Task AssertAccessibleAsync(IPage page) => AssertAccessibleAsync(page, page.RunAxe());

    /// <summary>As <see cref="AssertAccessibleAsync(IPage)"/>, for one part of the page.</summary>
    public static Task AssertAccessibleAsync(IPage page, ILocator part) => AssertAccessibleAsync(page, part.RunAxe());

    private static async Task AssertAccessibleAsync(IPage page, Task<AxeResult> run)
    {
        var result = await run;
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"Accessibility violations on {page.Url}:\n" + string.Join("\n",
            serious.Select(v => $"{v.Impact} {v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))})")));
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
