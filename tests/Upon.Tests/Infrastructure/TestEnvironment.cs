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
