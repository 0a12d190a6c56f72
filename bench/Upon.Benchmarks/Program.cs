using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace Upon.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/Upon.Benchmarks -- --filter '*'</c>; results go to
/// bench/Upon.Benchmarks/BenchmarkDotNet.Artifacts unless <c>--artifacts</c> says otherwise.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        IConfig? config = null;
        if (!args.Any(a => a.StartsWith("--artifacts", StringComparison.Ordinal)) && ProjectDirectory() is { } project)
        {
            config = DefaultConfig.Instance.WithArtifactsPath(Path.Combine(project, "BenchmarkDotNet.Artifacts"));
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }

    private static string? ProjectDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Upon.Benchmarks.csproj")))
            {
                return dir.FullName;
            }
        }
        return null;
    }
}
