namespace Upon.Tests.Infrastructure;

/// <summary>What the tests need from the machine, and whether a missing piece fails (under CI) or skips.</summary>
public static class TestEnvironment
{
    /// <summary>True under CI (<c>CI=true</c>): a test that needs PostgreSQL or Chromium fails when it is missing.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The PostgreSQL server the tests use, from <c>UPON_TEST_POSTGRES</c> (an Npgsql connection string to a database the
    /// tests may create databases from); by default the local server on loopback as the postgres user.
    /// </summary>
    public static string PostgresAdminConnectionString =>
        Environment.GetEnvironmentVariable("UPON_TEST_POSTGRES") is { Length: > 0 } configured
            ? configured
            : "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres";
}

/// <summary>Settings for every host and process the tests start, applied once when the test assembly loads.</summary>
internal static class TestHostSettings
{
    /// <summary>
    /// No host watches files through inotify: the suite starts a host per test class, and each watcher (configuration
    /// files, the web root behind asset version stamps) takes one of the user's inotify instances, 128 by default on
    /// Linux, which a full run would otherwise exhaust. Configuration is not reloaded, and other watches poll.
    /// </summary>
    [System.Runtime.CompilerServices.ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "A test assembly's process-wide host setting, set before any host starts.")]
    internal static void NoInotifyWatchers()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

    /// <summary>
    /// Every <c>upon</c> process the tests start (the command line, the web app, <c>dotnet run</c>) inherits this: without
    /// it, parallel tests would share one multicore JIT profile per command in the user's cache. JitProfileTests turn it
    /// on where they look.
    /// </summary>
    [System.Runtime.CompilerServices.ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "A test assembly's process-wide setting, inherited by the processes it starts.")]
    internal static void NoJitProfiles() =>
        Environment.SetEnvironmentVariable(Upon.Shared.Hosting.JitProfile.DirectoryVariable, "off");

    /// <summary>
    /// Every <c>upon</c> process the tests start runs without dynamic PGO: the suite starts hundreds of short processes on
    /// two busy cores, which pay for the instrumented code and rarely reach the faster code it leads to (the report
    /// commands took 11 to 18 % less CPU without it; bench/README.md, eighteenth round). The code the tests run is the same.
    /// </summary>
    [System.Runtime.CompilerServices.ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "A test assembly's process-wide setting, inherited by the processes it starts.")]
    internal static void NoDynamicPgo() => Environment.SetEnvironmentVariable("DOTNET_TieredPGO", "0");
}
