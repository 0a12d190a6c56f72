using Upon.Commands;
using Upon.Shared.Hosting;

namespace Upon;

public static class UponProgram
{
    /// <summary>
    /// The environment when <c>ASPNETCORE_ENVIRONMENT</c> and <c>DOTNET_ENVIRONMENT</c> are not set: a Debug build (what
    /// <c>dotnet run</c> builds) runs as Development, a Release build (what is published) as Production. This replaces a
    /// launch profile, which made <c>dotnet run</c> print "Using launch settings from ..." into every command's output.
    /// </summary>
    public static string Environment =>
        System.Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") is { Length: > 0 } aspnet ? aspnet
        : System.Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") is { Length: > 0 } dotnet ? dotnet
        : BuildDefaultEnvironment;

    /// <summary>
    /// The build's default (see <see cref="Environment"/>), or null when a variable or an <c>--environment</c> argument
    /// (as a test host passes it) names the environment.
    /// </summary>
    public static string? DefaultEnvironmentUnlessSet(IReadOnlyList<string> args) =>
        System.Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") is { Length: > 0 }
        || System.Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") is { Length: > 0 }
        || args.Any(a => a.StartsWith("--environment", StringComparison.OrdinalIgnoreCase))
            ? null
            : BuildDefaultEnvironment;

    private static string BuildDefaultEnvironment => IsDebugBuild ? Environments.Development : Environments.Production;

#if DEBUG
    private const bool IsDebugBuild = true;
#else
    private const bool IsDebugBuild = false;
#endif

    public static async Task<int> MainAsync(string[] args)
    {
        var isCommand = UponCommandLine.IsCommand(args);
        JitProfile.Start(isCommand ? JitProfile.CommandProfile(args) : JitProfile.ServerProfile);
        if (isCommand)
        {
            return await UponCommandLine.InvokeAsync(args);
        }
        await WebApp.RunAsync(args);
        return 0;
    }
}
