using System.Reflection;
using System.Runtime;

namespace Upon.Shared.Hosting;

/// <summary>
/// Multicore JIT (<see cref="ProfileOptimization"/>): a run of <c>upon</c> records which methods it had to compile, and
/// the next run of the same command (or the next start of the web app) compiles them on another core before they are
/// first called. ReadyToRun code covers most of the app; what is left (generic code over the app's own types, EF Core's
/// query pipeline, ASP.NET Core's) was about 0.2 s of a 100,000-row import's set-up on a new database (bench/README.md,
/// fifteenth round). The runtime ignores a profile written by another build of an assembly, and one it cannot read.
/// </summary>
public static class JitProfile
{
    /// <summary>
    /// The environment variable naming the directory the profiles are kept in (read before the host's configuration
    /// exists); <c>off</c> turns multicore JIT off. Unset: <c>$XDG_CACHE_HOME/upon/jit</c>, else <c>~/.cache/upon/jit</c>.
    /// </summary>
    public const string DirectoryVariable = "UPON_JIT_PROFILE_DIRECTORY";

    /// <summary>The web app's profile.</summary>
    public const string ServerProfile = "server.jitprofile";

    /// <summary>
    /// Starts recording (and playing back) the named profile (<see cref="ServerProfile"/> or <see cref="CommandProfile"/>),
    /// when this process is <c>upon</c> itself (not a test host that runs the app in process) and the directory can be
    /// made. Returns the profile's path, or null.
    /// </summary>
    public static string? Start(string profile) => Start(profile, Environment.GetEnvironmentVariable);

    /// <summary><see cref="Start(string)"/> with the environment given (for tests).</summary>
    public static string? Start(string profile, Func<string, string?> environment)
    {
        if (Assembly.GetEntryAssembly() != typeof(JitProfile).Assembly || DirectoryFrom(environment) is not { } directory)
        {
            return null;
        }
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
        ProfileOptimization.SetProfileRoot(directory);
        ProfileOptimization.StartProfile(profile);
        return Path.Combine(directory, profile);
    }

    /// <summary>Where the profiles are kept, from the environment; null when turned off or when there is no home to keep them in.</summary>
    public static string? DirectoryFrom(Func<string, string?> environment)
    {
        if (environment(DirectoryVariable) is { Length: > 0 } set)
        {
            return set.Trim().Equals("off", StringComparison.OrdinalIgnoreCase) ? null : Path.GetFullPath(set);
        }
        if (environment("XDG_CACHE_HOME") is { Length: > 0 } cache && Path.IsPathRooted(cache))
        {
            return Path.Combine(cache, "upon", "jit");
        }
        if (environment("HOME") is { Length: > 0 } home && Path.IsPathRooted(home))
        {
            return Path.Combine(home, ".cache", "upon", "jit");
        }
        return Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData) is { Length: > 0 } local
            ? Path.Combine(local, "upon", "jit")
            : null;
    }

    /// <summary>
    /// One profile per command, since each compiles different code: the command's words (<c>import-appointments</c>,
    /// <c>report-turnover</c>), or <c>help</c> and <c>version</c> for those options. Arguments that are not command words
    /// (a file, an email address) never become part of a file name.
    /// </summary>
    public static string CommandProfile(IReadOnlyList<string> args)
    {
        if (args.Count > 0 && args[0].StartsWith('-'))
        {
            return args[0] == "--version" ? "version.jitprofile" : "help.jitprofile";
        }
        var words = args.TakeWhile(IsCommandWord).Take(2).ToList();
        return words.Count == 0 ? "command.jitprofile" : $"{string.Join('-', words)}.jitprofile";
    }

    private static bool IsCommandWord(string arg) =>
        arg.Length is > 0 and <= 40 && char.IsAsciiLetterLower(arg[0]) && arg.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
