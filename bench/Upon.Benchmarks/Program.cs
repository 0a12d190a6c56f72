using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace Upon.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/Upon.Benchmarks -- --filter '*'</c>, or <c>-- write-register FILE [ROWS]</c> for
/// bench/load.sh's CSV; results go to
/// bench/Upon.Benchmarks/BenchmarkDotNet.Artifacts unless <c>--artifacts</c> says otherwise.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        // bench/load.sh's data: write-register FILE [ROWS] writes the synthetic register as an import CSV.
        if (args is ["write-register", var path, ..])
        {
            var size = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : SyntheticRegister.DefaultSize;
            File.WriteAllText(path, SyntheticRegister.Generate(size).ToCsv());
            return;
        }
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
