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
        var run = await DotnetProcess.RunAsync(
            DotnetProcess.StartInfo(SourceTree.Root, ["msbuild", "src/Upon/Upon.csproj", "-nologo", "-nodeReuse:false", "-getItem:RuntimeHostConfigurationOption", .. properties]),
            TimeSpan.FromMinutes(3));
        Assert.True(run.ExitCode == 0, $"dotnet msbuild: {run}");

        using var json = JsonDocument.Parse(run.Output);
        return json.RootElement.GetProperty("Items").GetProperty("RuntimeHostConfigurationOption").EnumerateArray()
            .ToDictionary(o => o.GetProperty("Identity").GetString()!, o => o.GetProperty("Value").GetString()!);
    }
}
