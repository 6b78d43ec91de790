using Microsoft.Playwright;

namespace C2C.Analytics.Browser.Tests.Support;

/// <summary>
/// Debian's chromium (<c>/usr/bin/chromium</c>, or <c>$C2C_CHROMIUM</c>) driven by Playwright's bundled driver. Playwright
/// never downloads a browser here: the browser is the system's, named by ExecutablePath.
/// </summary>
internal static class Chromium
{
    public static string ExecutablePath => Environment.GetEnvironmentVariable("C2C_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"No chromium at {ExecutablePath}: install Debian's package (apt-get install -y chromium) or set C2C_CHROMIUM.");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // Root in a container has no user namespace for chromium's sandbox; the page is our own file.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
        return (playwright, browser);
    }
}
