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

    /// <summary>Finds a file or folder by walking up from the test binaries (the repository root, shared/data, ...).</summary>
    public static string FindUp(params string[] relativePath)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine([dir.FullName, .. relativePath]);
            if (File.Exists(candidate) || Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException($"Could not find {Path.Combine(relativePath)} above {AppContext.BaseDirectory}.");
    }

    public static string SharedData(string fileName) => FindUp("shared", "data", fileName);
}
