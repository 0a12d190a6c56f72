using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Upon.Core.NewDirectors;

namespace Upon.Tests.NewDirectors;

/// <summary>The <c>NewDirectors:Completion:</c> settings: bound when set, and checked when the app starts.</summary>
public sealed class CompletionOptionsTests
{
    [Theory]
    [InlineData("-0.1")]
    [InlineData("1.5")]
    [InlineData("sixty")]
    public void Start_ShareNotFromZeroToOne_Fails(string share)
    {
        var error = Assert.ThrowsAny<Exception>(() => WithSettings(("NewDirectors:Completion:MinCoreWorkshopShare", share), _ => true));
        Assert.Contains("NewDirectors:Completion:MinCoreWorkshopShare", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_AreTheCriteriaUsed()
    {
        var criteria = WithSettings(("NewDirectors:Completion:MinCoreWorkshopShare", "0.75"), services => services.GetRequiredService<CompletionCriteria>(),
            ("NewDirectors:Completion:RequireResidential", "false"));
        Assert.Equal(0.75, criteria.MinCoreWorkshopShare);
        Assert.False(criteria.RequireResidential);
    }

    private static T WithSettings<T>((string Key, string Value) setting, Func<IServiceProvider, T> read, params (string Key, string Value)[] more)
    {
        var database = Path.Combine(Path.GetTempPath(), "upon-tests", $"{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        try
        {
            using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
            {
                builder.UseEnvironment("Development");
                builder.UseSetting("Database:Provider", "Sqlite");
                builder.UseSetting("ConnectionStrings:Upon", $"Data Source={database}");
                builder.UseSetting("Demo:CreateOnEmptyDatabase", "false");
                builder.UseSetting(Upon.Shared.Hosting.StartupCodeRelease.DelaySetting, "0");
                builder.UseSetting("Email:PollSeconds", "0");
                builder.UseSetting("NewDirectors:InvitationRunMinutes", "0");
                builder.UseSetting("Feedback:RunMinutes", "0");
                foreach (var (key, value) in more.Prepend(setting))
                {
                    builder.UseSetting(key, value);
                }
            });
            return read(factory.Services);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { database, database + "-wal", database + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
}
