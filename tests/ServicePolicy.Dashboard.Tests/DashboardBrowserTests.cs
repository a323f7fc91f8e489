// Copyright ServicePolicy contributors. Licensed under the Apache License, Version 2.0.

using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using Xunit;
using Xunit.Abstractions;

namespace ServicePolicy.Dashboard.Tests;

/// <summary>
/// The dashboard in a real browser: Debian's <c>chromium</c>, headless, driven through its <c>chromedriver</c> with
/// Selenium WebDriver (the two paths are given explicitly, so Selenium Manager downloads nothing: /usr/bin/chromium and
/// /usr/bin/chromedriver, or <c>SERVICEPOLICY_CHROMIUM</c> and <c>SERVICEPOLICY_CHROMEDRIVER</c>). Without them the
/// tests report as skipped, with the reason. Each test saves a screenshot to the directory named by
/// <c>SERVICEPOLICY_TEST_SCREENSHOTS</c> (.ci/run: artifacts/test-results/screenshots), else to <c>screenshots/</c>
/// next to the test assembly.
/// </summary>
public sealed class DashboardBrowserTests(ITestOutputHelper output)
{
    private static readonly string Chromium = PathFrom("SERVICEPOLICY_CHROMIUM", "/usr/bin/chromium");
    private static readonly string ChromeDriver = PathFrom("SERVICEPOLICY_CHROMEDRIVER", "/usr/bin/chromedriver");
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [SkippableFact]
    public async Task Page_shows_the_seeded_queue_by_state_earliest_deadline_first_and_attainment_as_bars()
    {
        Skip.IfNot(File.Exists(Chromium) && File.Exists(ChromeDriver),
            $"headless Chromium is not installed (needs {Chromium} and {ChromeDriver}; Debian: apt-get install chromium chromium-driver).");
        using var cancellation = new CancellationTokenSource(Timeout);
        await using SeededDesk desk = await SeededDesk.StartAsync(cancellation.Token);
        string profile = Directory.CreateTempSubdirectory("servicepolicy-chromium-").FullName;
        try
        {
            using ChromeDriver driver = StartBrowser(profile);
            driver.Navigate().GoToUrl(desk.Address);
            new WebDriverWait(driver, Timeout).Until(d => d.FindElement(By.TagName("body")).GetDomAttribute("data-loaded") == "true");
            SaveScreenshot(driver, "dashboard.png");

            Assert.Equal(["desk.2"], RowIds(driver, "Breached"));
            Assert.Equal(["desk.5", "desk.1"], RowIds(driver, "AtRisk"));
            Assert.Equal(["desk.3", "desk.6", "desk.7"], RowIds(driver, "OnTrack"));
            Assert.Equal(["desk.4"], RowIds(driver, "Waiting"));
            Assert.Equal("paused", driver.FindElement(By.CssSelector("#queue-Waiting tr[data-id='desk.4'] td.due")).Text);
            Assert.Empty(RowIds(driver, "Failed"));
            Assert.Equal("none", driver.FindElement(By.CssSelector("#queue-Failed tbody tr.empty")).Text);
            // Due times are read against the server's clock (the fake clock's T+31), not the browser's.
            IWebElement breached = driver.FindElement(By.CssSelector("#queue-Breached tr[data-id='desk.2']"));
            Assert.Equal("2026-12-07T09:00:15Z", breached.FindElement(By.CssSelector("td.deadline")).Text);
            Assert.Equal("16s ago", breached.FindElement(By.CssSelector("td.due")).Text);
            Assert.Contains("overdue", breached.FindElement(By.CssSelector("td.due")).GetDomAttribute("class"), StringComparison.Ordinal);
            Assert.Equal("in 2m 29s", driver.FindElement(By.CssSelector("#queue-OnTrack tr[data-id='desk.7'] td.due")).Text);
            Assert.Equal("urgent@1", driver.FindElement(By.CssSelector("#queue-AtRisk tr[data-id='desk.5'] td.policy")).Text);
            Assert.Empty(driver.FindElements(By.CssSelector("tr[data-id='desk.8']")));

            // The attainment chart, last 7 days (the figures: AttainmentApiTests).
            Assert.Equal(["standard v1", "urgent v1"], BarKeys(driver, "policy"));
            Assert.Equal(["metOnTime 2", "openAtRisk 1", "openOnTrack 8", "cancelled 1"], Segments(driver, "policy", "standard v1"));
            Assert.Equal(["breached 1", "openAtRisk 1", "openOnTrack 2"], Segments(driver, "policy", "urgent v1"));
            Assert.Equal("100% on time (12)", Share(driver, "policy", "standard v1"));
            Assert.Equal("0% on time (4)", Share(driver, "policy", "urgent v1"));
            Assert.Equal(["billing", "support"], BarKeys(driver, "team"));
            Assert.Equal("50% on time (6)", Share(driver, "team", "billing"));
            // The longest bar (standard v1, 12 cycles) spans the full 480 px; urgent v1's 4 cycles a third of it.
            Assert.Equal(480, BarWidth(driver, "policy", "standard v1"), 3);
            Assert.Equal(160, BarWidth(driver, "policy", "urgent v1"), 3);
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }

    private static ChromeDriver StartBrowser(string profile)
    {
        ChromeDriverService service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromeDriver)!, Path.GetFileName(ChromeDriver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = Chromium };
        // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run",
            "--window-size=1200,1100", $"--user-data-dir={profile}");
        var driver = new ChromeDriver(service, options, Timeout);
        driver.Manage().Timeouts().PageLoad = Timeout;
        driver.Manage().Timeouts().AsynchronousJavaScript = Timeout;
        return driver;
    }

    private static string[] BarKeys(IWebDriver driver, string chart) =>
        driver.FindElements(By.CssSelector($"svg[data-chart='{chart}'] g.bar")).Select(b => b.GetDomAttribute("data-key") ?? "").ToArray();

    private static IEnumerable<IWebElement> Rects(IWebDriver driver, string chart, string key) =>
        driver.FindElements(By.CssSelector($"svg[data-chart='{chart}'] g.bar[data-key='{key}'] rect"));

    private static string[] Segments(IWebDriver driver, string chart, string key) =>
        Rects(driver, chart, key).Select(r => $"{r.GetDomAttribute("data-segment")} {r.GetDomAttribute("data-count")}").ToArray();

    private static double BarWidth(IWebDriver driver, string chart, string key) =>
        Rects(driver, chart, key).Sum(r => double.Parse(r.GetDomAttribute("width") ?? "0", System.Globalization.CultureInfo.InvariantCulture));

    private static string Share(IWebDriver driver, string chart, string key) =>
        driver.FindElement(By.CssSelector($"svg[data-chart='{chart}'] g.bar[data-key='{key}'] text.share")).Text;

    private static string PathFrom(string variable, string fallback) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } path ? path : fallback;

    private static string[] RowIds(IWebDriver driver, string state) =>
        driver.FindElements(By.CssSelector($"#queue-{state} tbody tr[data-id]")).Select(r => r.GetDomAttribute("data-id") ?? "").ToArray();

    private void SaveScreenshot(ITakesScreenshot driver, string name)
    {
        string directory = Environment.GetEnvironmentVariable("SERVICEPOLICY_TEST_SCREENSHOTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, name);
        driver.GetScreenshot().SaveAsFile(path);
        output.WriteLine($"screenshot: {path}");
    }
}
