using System.Reflection;

namespace Upon.BrowserTests.Infrastructure;

/// <summary>What the browser tests need from the machine, and whether a missing piece fails (under CI) or skips.</summary>
public static class BrowserEnvironment
{
    /// <summary>Debian's Chromium; never a browser downloaded by Playwright.</summary>
    public const string DefaultChromium = "/usr/bin/chromium";

    /// <summary>True under CI (<c>CI=true</c>): a missing Chromium fails the tests instead of skipping them.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The browser to drive: <c>UPON_CHROMIUM</c> when set, otherwise <see cref="DefaultChromium"/>.</summary>
    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("UPON_CHROMIUM") is { Length: > 0 } configured ? configured : DefaultChromium;

    /// <summary>Why the browser tests cannot run here, or null when Chromium is installed.</summary>
    public static string? ChromiumMissing =>
        File.Exists(ChromiumPath)
            ? null
            : $"Chromium is not installed at {ChromiumPath}: install Debian's package (apt-get install chromium) or point UPON_CHROMIUM at a Chromium executable.";

    /// <summary>
    /// Where screenshots go (kept as CI artefacts): <c>UPON_SCREENSHOTS</c> when set, otherwise <c>screenshots/</c> in the
    /// test output folder.
    /// </summary>
    public static string ScreenshotDirectory
    {
        get
        {
            var folder = Environment.GetEnvironmentVariable("UPON_SCREENSHOTS") is { Length: > 0 } configured
                ? configured
                : Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(folder);
            return Path.GetFullPath(folder);
        }
    }

    /// <summary>The build configuration these tests were built with (Debug or Release).</summary>
    public static string Configuration =>
        typeof(BrowserEnvironment).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>The repository root: the first folder above the test binaries holding <c>Upon.slnx</c>.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Upon.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException($"Could not find Upon.slnx above {AppContext.BaseDirectory}.");
    }
}
