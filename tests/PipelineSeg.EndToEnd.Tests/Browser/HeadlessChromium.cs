using System.Text.Json;
using Microsoft.Playwright;

namespace PipelineSeg.EndToEnd.Tests.Browser;

/// <summary>
/// Opens a local page in Debian's headless Chromium through Playwright (ExecutablePath, no browser download), records
/// every request, reads the images' natural sizes, and saves a full-page screenshot under TestResults/screenshots
/// (kept by CI as an artifact).
/// </summary>
internal static class HeadlessChromium
{
    public const string Executable = "/usr/bin/chromium";

    /// <summary>The screenshot folder: TestResults/screenshots in the repository.</summary>
    public static string ScreenshotFolder => TestPaths.Repo("TestResults", "screenshots");

    public static Task<PageCheck> OpenAsync(string htmlFile, string screenshotName) => OpenUrlAsync(new Uri(htmlFile).AbsoluteUri, screenshotName);

    /// <summary>Opens <paramref name="url"/> (a page the service serves over loopback, or a file: URL).</summary>
    public static async Task<PageCheck> OpenUrlAsync(string url, string screenshotName)
    {
        Prerequisites.Chromium.Require();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var requests = new List<string>();
        page.Request += (_, request) =>
        {
            lock (requests)
            {
                requests.Add(request.Url);
            }
        };
        await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        var imageJson = await page.EvaluateAsync<JsonElement>(
            "() => Array.from(document.images).map(i => ({ src: i.getAttribute('src').substring(0, 40), naturalWidth: i.naturalWidth, naturalHeight: i.naturalHeight, alt: i.alt }))");
        var images = imageJson.EnumerateArray().Select(i => new ImageState(i.GetProperty("src").GetString()!,
            i.GetProperty("naturalWidth").GetInt32(), i.GetProperty("naturalHeight").GetInt32(), i.GetProperty("alt").GetString()!)).ToList();
        var external = await page.EvaluateAsync<string[]>(
            "() => Array.from(document.querySelectorAll('[src],[href]')).map(e => e.getAttribute('src') ?? e.getAttribute('href')).filter(u => /^(https?:|\\/\\/)/i.test(u.trim()))");
        var csp = await page.EvaluateAsync<string?>(
            "() => document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]')?.getAttribute('content') ?? null");
        Directory.CreateDirectory(ScreenshotFolder);
        var screenshot = Path.Combine(ScreenshotFolder, screenshotName);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        var content = await page.ContentAsync();
        lock (requests)
        {
            return new PageCheck(images, [.. requests], external, csp, screenshot, content);
        }
    }
}
