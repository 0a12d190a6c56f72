using Microsoft.EntityFrameworkCore;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Commands;

/// <summary><c>upon import appointments</c> through the real executable: all or nothing, every rejection named.</summary>
public abstract class ImportAppointmentsCommandTests(DatabaseFixture fixture)
{
    private async Task<int> CountAppointmentsAsync()
    {
        await using var db = fixture.Database.CreateDbContext();
        return await db.Appointments.CountAsync();
    }

    private async Task<CliResult> ImportAsync(string content, bool bom = false) =>
        await UponCli.RunAsync(fixture.Database, "import", "appointments", CsvFiles.Write(content, bom));

    private async Task AssertRejectedAsync(string content, params string[] expected)
    {
        var before = await CountAppointmentsAsync();
        var result = await ImportAsync(content);
        Assert.True(result.ExitCode != 0, result.ToString());
        foreach (var text in expected)
        {
            Assert.Contains(text, result.Error, StringComparison.Ordinal);
        }
        Assert.Contains("nothing was imported", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await CountAppointmentsAsync());
    }

    [SkippableFact]
    public async Task Import_ValidFile_WritesAndIsIdempotent()
    {
        fixture.RequireDatabase();
        var csv = CsvFiles.Lines(
            CsvFiles.Header + ",email",
            "820,IDEM-1,Ann,Example,permanent,2006-01-01,2009-03-31,restructure,no,ann@example.org",
            "E06000055,IDEM-2,Bea,O'Neill,interim,2009-04-01,,,,");
        var first = await ImportAsync(csv);
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("2 added", first.Output, StringComparison.Ordinal);

        var again = await ImportAsync(csv);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("0 added, 0 updated, 2 unchanged", again.Output, StringComparison.Ordinal);

        await using var db = fixture.Database.CreateDbContext();
        var bea = await db.Appointments.Include(a => a.Person).SingleAsync(a => a.Person!.PersonId == "IDEM-2");
        Assert.Equal("822", bea.AuthorityCode);
        Assert.Equal("O'Neill", bea.Person!.FamilyName);
    }

    [SkippableFact]
    public async Task Import_LaterFile_UpdatesTheSameAppointment()
    {
        fixture.RequireDatabase();
        Assert.Equal(0, (await ImportAsync(CsvFiles.Lines(CsvFiles.Header, "823,UPD-1,Cal,Example,interim,2010-01-01,,,"))).ExitCode);
        var result = await ImportAsync(CsvFiles.Lines(CsvFiles.Header, "823,UPD-1,Cal,Example,interim,2010-01-01,2010-12-31,end_of_interim,no"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("0 added, 1 updated", result.Output, StringComparison.Ordinal);
        await using var db = fixture.Database.CreateDbContext();
        var cal = await db.Appointments.SingleAsync(a => a.Person!.PersonId == "UPD-1");
        Assert.Equal(new LocalDate(2010, 12, 31), cal.EndDate);
    }

    [SkippableFact]
    public async Task Import_BomCrlfQuotedAccentedNames_Accepted()
    {
        fixture.RequireDatabase();
        var csv = CsvFiles.Header + "\r\n" + "\"875\",ENC-1,\"Zoë\",\"D'Arcy-SSmith, Jr\",acting,2005-09-01,2009-03-31,restructure,false\r\n";
        var result = await ImportAsync(csv, bom: true);
        Assert.Equal(0, result.ExitCode);
        await using var db = fixture.Database.CreateDbContext();
        var person = await db.People.SingleAsync(p => p.PersonId == "ENC-1");
        Assert.Equal("Zoë", person.GivenName);
        Assert.Equal("D'Arcy-SSmith, Jr", person.FamilyName);
    }

    [SkippableFact]
    public async Task Import_UnknownAuthority_Rejected() =>
        await RunRejection(CsvFiles.Lines(CsvFiles.Header, "999,R-1,A,B,permanent,2020-01-01,,,"), "Line 2, column la_code ('999')", "No authority");

    [SkippableFact]
    public async Task Import_DateThatDoesNotExist_Rejected() =>
        await RunRejection(CsvFiles.Lines(CsvFiles.Header, "805,R-2,A,B,permanent,2023-02-29,,,"), "Line 2, column start_date ('2023-02-29')", "not a real date");

    [SkippableFact]
    public async Task Import_EndBeforeStart_Rejected() =>
        await RunRejection(CsvFiles.Lines(CsvFiles.Header, "805,R-3,A,B,permanent,2020-01-01,2019-12-31,retired,no"), "Line 2, column end_date", "on or after the start date");

    [SkippableFact]
    public async Task Import_UnknownType_Rejected() =>
        await RunRejection(CsvFiles.Lines(CsvFiles.Header, "805,R-4,A,B,temporary,2020-01-01,,,"), "Line 2, column appointment_type ('temporary')");

    [SkippableFact]
    public async Task Import_UnknownReason_Rejected() =>
        await RunRejection(CsvFiles.Lines(CsvFiles.Header, "805,R-5,A,B,permanent,2020-01-01,2020-06-01,bored,no"), "Line 2, column leaving_reason ('bored')");

    [SkippableFact]
    public async Task Import_UnplannedNotYesNo_Rejected() =>
        await RunRejection(CsvFiles.Lines(CsvFiles.Header, "805,R-6,A,B,permanent,2020-01-01,2020-06-01,retired,maybe"), "Line 2, column unplanned ('maybe')");

    [SkippableFact]
    public async Task Import_EndDateWithoutReason_Rejected() =>
        await RunRejection(CsvFiles.Lines(CsvFiles.Header, "805,R-7,A,B,permanent,2020-01-01,2020-06-01,,no"), "Line 2, column leaving_reason", "Give a leaving reason");

    [SkippableFact]
    public async Task Import_ReasonWithoutEndDate_Rejected() =>
        await RunRejection(CsvFiles.Lines(CsvFiles.Header, "805,R-8,A,B,permanent,2020-01-01,,retired,"), "Line 2, column leaving_reason ('retired')", "needs an end date");

    [SkippableFact]
    public async Task Import_TwoPeopleInPostOnOneDay_Rejected() =>
        await RunRejection(CsvFiles.Lines(CsvFiles.Header,
            "806,R-9,A,B,permanent,2015-01-01,2016-01-01,retired,no",
            "806,R-10,C,D,permanent,2016-01-01,,,"), "Line 3, column start_date ('2016-01-01')", "Two people cannot be in post");

    [SkippableFact]
    public async Task Import_OutsideOperatingPeriod_Rejected() =>
        await RunRejection(CsvFiles.Lines(CsvFiles.Header, "942,R-11,A,B,permanent,2023-03-01,,,"), "Line 2, column start_date ('2023-03-01')", "Cumberland operated from 1 April 2023");

    [SkippableFact]
    public async Task Import_StillInPostAtCeasedAuthority_Rejected() =>
        await RunRejection(CsvFiles.Lines(CsvFiles.Header, "909,R-12,A,B,permanent,2020-01-01,,,"), "Line 2", "Cumbria ceased on 31 March 2023");

    [SkippableFact]
    public async Task Import_DuplicatedRow_Rejected() =>
        await RunRejection(CsvFiles.Lines(CsvFiles.Header,
            "807,R-13,A,B,permanent,2020-01-01,,,",
            "807,R-13,A,B,permanent,2020-01-01,,,"), "Line 3, column start_date", "repeats line 2");

    [SkippableFact]
    public async Task Import_MissingColumn_Rejected() =>
        await RunRejection("la_code,person_id,given_name,family_name,appointment_type,start_date,end_date,leaving_reason\n805,R-14,A,B,permanent,2020-01-01,,\n",
            "Line 1, column unplanned", "is missing");

    [SkippableFact]
    public async Task Import_UnknownColumn_Rejected() =>
        await RunRejection(CsvFiles.Lines(CsvFiles.Header + ",salary", "805,R-15,A,B,permanent,2020-01-01,,,,100"), "Line 1, column salary", "not one Upon knows");

    [SkippableFact]
    public async Task Import_EmptyFile_Rejected() => await RunRejection("", "The file is empty");

    [SkippableFact]
    public async Task Import_ManyErrors_AllListedAndNothingWritten()
    {
        fixture.RequireDatabase();
        await AssertRejectedAsync(CsvFiles.Lines(CsvFiles.Header,
            "808,OK-1,Fine,Row,permanent,2012-01-01,,,",
            "999,R-16,A,B,permanent,2020-01-01,,,",
            "808,R-17,A,B,permanent,2020-13-01,,,"),
            "Line 3, column la_code", "Line 4, column start_date", "2 error(s)");
        await using var db = fixture.Database.CreateDbContext();
        Assert.False(await db.People.AnyAsync(p => p.PersonId == "OK-1"));
    }

    [SkippableFact]
    public async Task Import_MissingFile_SaysWhichAndExitsNonZero()
    {
        fixture.RequireDatabase();
        var result = await UponCli.RunAsync(fixture.Database, "import", "appointments", "/nonexistent/file.csv");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("no file at /nonexistent/file.csv", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    private async Task RunRejection(string content, params string[] expected)
    {
        fixture.RequireDatabase();
        await AssertRejectedAsync(content, expected);
    }
}

public sealed class ImportAppointmentsCommandTests_Sqlite(SqliteDatabase fixture) : ImportAppointmentsCommandTests(fixture), IClassFixture<SqliteDatabase>;

public sealed class ImportAppointmentsCommandTests_Postgres(PostgresDatabase fixture) : ImportAppointmentsCommandTests(fixture), IClassFixture<PostgresDatabase>;
