using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Upon.Data;
using Upon.Sessions;
using Upon.Sessions.ReferenceData;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Sessions;

/// <summary>The England and Wales bank holidays shipped with the product are loaded at start when the table is empty.</summary>
public abstract class BankHolidaysTests(UponApp app)
{
    [SkippableFact]
    public async Task Start_LoadsTheShippedBankHolidays()
    {
        app.RequireDatabase();

        // Another test of this class adds a holiday in 2031.
        var holidays = await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().BankHolidays.AsNoTracking()
            .Where(h => h.Date < new LocalDate(2030, 1, 1)).OrderBy(h => h.Date).ToListAsync());

        Assert.Equal(32, holidays.Count);
        Assert.Equal(new LocalDate(2024, 1, 1), holidays[0].Date);
        Assert.Equal(new LocalDate(2027, 12, 28), holidays[^1].Date);
        Assert.Contains(holidays, h => h.Date == new LocalDate(2027, 3, 26) && h.Title == "Good Friday");
        Assert.Contains(holidays, h => h.Date == new LocalDate(2027, 5, 3) && h.Title == "Early May bank holiday");
        Assert.DoesNotContain(holidays, h => h.Title.Contains("Andrew", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task EnsureLoaded_LeavesATableThatHasRowsAlone()
    {
        app.RequireDatabase();
        await app.WithDbAsync(async db =>
        {
            db.BankHolidays.Add(new BankHoliday { Date = new LocalDate(2031, 1, 1), Title = "Added by an import" });
            await db.SaveChangesAsync();
        });

        var before = await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().BankHolidays.CountAsync());

        await app.WithScopeAsync(async s =>
        {
            await s.GetRequiredService<BankHolidayImporter>().EnsureLoadedAsync();
            return true;
        });

        Assert.Equal(before, await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().BankHolidays.CountAsync()));
    }

    [Fact]
    public void ShippedFile_CarriesItsSourceAndLicence()
    {
        var calendar = BankHolidayReferenceData.LoadEmbedded();

        Assert.Equal(32, calendar.Holidays.Count);
        Assert.True(calendar.TryGet(new LocalDate(2027, 3, 29), out var easterMonday));
        Assert.Equal("Easter Monday", easterMonday.Title);
        using var stream = typeof(BankHolidayReferenceData).Assembly.GetManifestResourceStream("Upon.Sessions.ReferenceData.bank-holidays.json")!;
        var text = new StreamReader(stream).ReadToEnd();
        Assert.Contains("Open Government Licence v3.0", text, StringComparison.Ordinal);
        Assert.Contains("https://www.gov.uk/bank-holidays.json", text, StringComparison.Ordinal);
    }
}

public sealed class BankHolidaysTests_Sqlite(SqliteApp app) : BankHolidaysTests(app), IClassFixture<SqliteApp>;

public sealed class BankHolidaysTests_Postgres(PostgresApp app) : BankHolidaysTests(app), IClassFixture<PostgresApp>;
