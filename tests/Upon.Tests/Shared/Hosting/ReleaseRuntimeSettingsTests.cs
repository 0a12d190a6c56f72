using System.Diagnostics;
using System.Text.Json;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Shared.Hosting;

/// <summary>
/// The runtime settings a Release publish writes into <c>upon.runtimeconfig.json</c>, as MSBuild evaluates the project
/// for a publish (<c>dotnet msbuild -getItem:RuntimeHostConfigurationOption</c>, the items the runtime configuration file
/// is written from). The server's memory and speed figures (bench/README.md) depend on them; builds and
/// <c>dotnet run</c> keep the runtime's JIT defaults.
/// </summary>
public sealed class ReleaseRuntimeSettingsTests
{
    [Fact]
    public async Task AReleasePublish_RunsWithoutDynamicPgo_RecompilesLate_AndUsesTheWorkstationCollector()
    {
        var options = await RuntimeOptionsAsync("-p:Configuration=Release", "-p:_IsPublishing=true");

        Assert.Equal("false", options.GetValueOrDefault("System.Runtime.TieredPGO"));
        Assert.Equal("1000", options.GetValueOrDefault("System.Runtime.TieredCompilation.CallCountThreshold"));
        Assert.Equal("false", options.GetValueOrDefault("System.GC.Server"));
        Assert.Equal("true", options.GetValueOrDefault("System.GC.Concurrent"));
    }

    [Fact]
    public async Task ABuild_KeepsTheRuntimesJitDefaults()
    {
        var options = await RuntimeOptionsAsync("-p:Configuration=Debug");

        Assert.DoesNotContain("System.Runtime.TieredPGO", options.Keys);
        Assert.DoesNotContain("System.Runtime.TieredCompilation.CallCountThreshold", options.Keys);
        Assert.Equal("false", options.GetValueOrDefault("System.GC.Server"));
    }

    /// <summary>Each runtime configuration option of <c>src/Upon</c> with its value, as evaluated with <paramref name="properties"/>.</summary>
    private static async Task<Dictionary<string, string>> RuntimeOptionsAsync(params string[] properties)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = SourceTree.Root,
        };
        foreach (var arg in (string[])["msbuild", "src/Upon/Upon.csproj", "-nologo", "-nodeReuse:false", "-getItem:RuntimeHostConfigurationOption", .. properties])
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(3)).Token);
        Assert.True(process.ExitCode == 0, $"dotnet msbuild exited {process.ExitCode}\n{await output}\n{await error}");

        using var json = JsonDocument.Parse(await output);
        return json.RootElement.GetProperty("Items").GetProperty("RuntimeHostConfigurationOption").EnumerateArray()
            .ToDictionary(o => o.GetProperty("Identity").GetString()!, o => o.GetProperty("Value").GetString()!);
    }
}
