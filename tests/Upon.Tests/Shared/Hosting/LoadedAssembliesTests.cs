using System.Diagnostics;
using Upon.Data;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Shared.Hosting;

/// <summary>
/// The code a running server maps: a server on SQLite never loads Npgsql (its assemblies are about 2.4 MB of memory for
/// nothing, bench/README.md), one on PostgreSQL does, and neither loads IIS or HTTP/3 support, which Upon never uses
/// (it serves plain HTTP/1.1 behind a TLS proxy). Read from the real process's memory map after it has created its
/// database and answered the home page, the public sessions page, the API description and the health check.
/// </summary>
public abstract class LoadedAssembliesTests(DatabaseProvider provider)
{
    private static readonly string[] NpgsqlAssemblies = ["Npgsql.dll", "Npgsql.EntityFrameworkCore.PostgreSQL.dll"];
    private static readonly string[] Paths = ["/", "/programme/sessions", "/openapi/v1.json", "/health/ready"];
    private static readonly string[] NeverUsed = ["Microsoft.AspNetCore.Server.IIS.dll", "Microsoft.AspNetCore.Server.IISIntegration.dll", "System.Net.Quic.dll"];

    [SkippableFact]
    public async Task Server_MapsOnlyTheDatabaseProviderItUses()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "The memory map is read from /proc.");
        await using var database = await TestDatabase.OrSkipAsync(() => TestDatabase.CreateAsync(provider));
        var environment = new Dictionary<string, string> { ["Demo__CreateOnEmptyDatabase"] = "true", ["ASPNETCORE_ENVIRONMENT"] = "Production" };
        IReadOnlySet<string> mapped = new HashSet<string>();

        await UponWebProcess.StartAndStopAsync(database, environment, async upon =>
        {
            foreach (var path in Paths)
            {
                await upon.GetAsync(path);
            }
            mapped = MappedFiles(upon.Process);
        });

        Assert.Contains("upon.dll", mapped);
        foreach (var assembly in NeverUsed)
        {
            Assert.DoesNotContain(assembly, mapped);
        }
        foreach (var assembly in NpgsqlAssemblies)
        {
            if (provider == DatabaseProvider.Postgres)
            {
                Assert.Contains(assembly, mapped);
            }
            else
            {
                Assert.DoesNotContain(assembly, mapped);
            }
        }
    }

    private static HashSet<string> MappedFiles(Process process) =>
        [.. File.ReadLines($"/proc/{process.Id}/maps")
            .Select(line => line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length == 6 && fields[5].StartsWith('/'))
            .Select(fields => Path.GetFileName(fields[5].Trim()))];
}

public sealed class LoadedAssembliesTests_Sqlite() : LoadedAssembliesTests(DatabaseProvider.Sqlite);

public sealed class LoadedAssembliesTests_Postgres() : LoadedAssembliesTests(DatabaseProvider.Postgres);
