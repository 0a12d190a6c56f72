using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Upon.Audit;
using Upon.Core.Register;
using Upon.Register;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Register;

/// <summary>
/// Issue 15: <c>upon import appointments</c> reads the file once and writes it <see cref="AppointmentImporter.BatchSize"/> rows
/// at a time in one transaction. Through the real command line on both databases: a file of several batches writes the
/// same rows, audit lines and invitations as before; a bad row, or an overlap found only at the end, after batches were
/// written, leaves nothing behind.
/// </summary>
public abstract class StreamingImportTests(DatabaseFixture fixture)
{
    /// <summary>Metropolitan and London authorities that operated throughout 2000 to 2026.</summary>
    private static readonly string[] Authorities =
    [
        .. new[] { (202, 12), (301, 20), (330, 7), (340, 5), (350, 10), (370, 4), (380, 5), (390, 5) }
            .SelectMany(r => Enumerable.Range(r.Item1, r.Item2))
            .Select(c => c.ToString(CultureInfo.InvariantCulture)),
    ];

    /// <summary>Rows enough for three batches.</summary>
    private const int Rows = 2 * AppointmentImporter.BatchSize + 1_000;

    /// <summary>
    /// One three-day past appointment after another in each authority from 1 January of <paramref name="year"/> (for under three
    /// years), each of a new person. Each test takes its own years, as they share a database.
    /// </summary>
    private static StringBuilder History(string prefix, int year)
    {
        var text = new StringBuilder(CsvFiles.Header).Append('\n');
        var first = new LocalDate(year, 1, 1);
        for (var i = 0; i < Rows; i++)
        {
            var start = first.PlusDays(i / Authorities.Length * 3);
            text.Append(Authorities[i % Authorities.Length]).Append(',').Append(prefix).Append(i.ToString(CultureInfo.InvariantCulture)).Append(",Given,Family,interim,")
                .Append(start.ToString("yyyy-MM-dd", null)).Append(',').Append(start.PlusDays(2).ToString("yyyy-MM-dd", null)).Append(",end_of_interim,no\n");
        }
        return text;
    }

    private static LocalDate Today => LocalDate.FromDateTime(DateTime.UtcNow);

    private async Task<CliResult> ImportAsync(string content) => await UponCli.RunAsync(fixture.Database, "import", "appointments", CsvFiles.Write(content));

    [SkippableFact]
    public async Task SeveralBatches_WriteEveryRow_TheirAuditLines_AndTheInvitationsOfRecentFirstPosts()
    {
        fixture.RequireDatabase();
        // An appointment already in the register, whose ending the file records (an update).
        Assert.Equal(0, (await ImportAsync(CsvFiles.Lines(CsvFiles.Header, "880,SB-OLD,Ola,Before,interim,2015-01-01,,,"))).ExitCode);

        var file = History("SB-", 2001);
        // In the last batch: SB-0 (written in the first batch) again under a new name; the ending of SB-OLD; a first post that
        // began ten days ago (invited); a second post of SB-1 that began ten days ago (not new: no invitation).
        var recent = Today.PlusDays(-10).ToString("yyyy-MM-dd", null);
        file.Append("881,SB-0,Renamed,Person,permanent,2020-01-01,2020-12-31,retired,no\n")
            .Append("880,SB-OLD,Ola,Before,interim,2015-01-01,2016-03-31,end_of_interim,no\n")
            .Append(CultureInfo.InvariantCulture, $"882,SB-NEW,Nia,Recent,permanent,{recent},,,\n")
            .Append(CultureInfo.InvariantCulture, $"883,SB-1,Given,Family,acting,{recent},,,\n");

        var result = await ImportAsync(file.ToString());

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"{Rows + 4} rows: {Rows + 3} added, 1 updated, 0 unchanged; {Rows + 1} new people.", result.Output, StringComparison.Ordinal);
        await using var db = fixture.Database.CreateDbContext();
        var people = await db.People.AsNoTracking().Where(p => p.PersonId.StartsWith("SB-")).ToListAsync();
        Assert.Equal(Rows + 2, people.Count);
        var renamed = people.Single(p => p.PersonId == "SB-0");
        Assert.Equal(("Renamed", "Person"), (renamed.GivenName, renamed.FamilyName));
        var old = await db.Appointments.AsNoTracking().SingleAsync(a => a.Person!.PersonId == "SB-OLD");
        Assert.Equal(new LocalDate(2016, 3, 31), old.EndDate);
        Assert.Equal(Rows + 4, await db.Appointments.CountAsync(a => a.Person!.PersonId.StartsWith("SB-")));

        // One "created" line per new person and appointment, one "updated" per changed appointment and renamed person.
        var lines = await db.AuditEvents.AsNoTracking().Where(e => e.Detail == "CSV import").ToListAsync();
        var newPeople = people.Where(p => p.PersonId != "SB-OLD").Select(p => p.Id.ToString(CultureInfo.InvariantCulture)).ToHashSet();
        Assert.Equal(Rows + 1, lines.Count(e => e.EntityType == nameof(Person) && e.Action == AuditActions.Created && newPeople.Contains(e.EntityId!)));
        var renamedLine = Assert.Single(lines, e => e.EntityType == nameof(Person) && e.Action == AuditActions.Updated && e.EntityId == renamed.Id.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("""{"GivenName":{"old":"Given","new":"Renamed"},"FamilyName":{"old":"Family","new":"Person"}}""", renamedLine.Changes);
        var oldLine = Assert.Single(lines, e => e.EntityType == nameof(Appointment) && e.Action == AuditActions.Updated && e.EntityId == old.Id.ToString(CultureInfo.InvariantCulture));
        Assert.Contains("\"EndDate\":{\"old\":null,\"new\":\"2016-03-31\"}", oldLine.Changes, StringComparison.Ordinal);
        var first = await db.Appointments.AsNoTracking().SingleAsync(a => a.Person!.PersonId == "SB-5");
        var firstLine = Assert.Single(lines, e => e.EntityType == nameof(Appointment) && e.EntityId == first.Id.ToString(CultureInfo.InvariantCulture));
        Assert.Null(firstLine.Changes);
        Assert.Equal((AuditActions.Created, "CSV import"), (firstLine.Action, firstLine.Detail));
        Assert.StartsWith("command line (", firstLine.Actor, StringComparison.Ordinal);

        // The New Directors planner, reacting to the recorded appointments: the recent first post only.
        var invited = await db.DirectorInvitations.AsNoTracking().Where(i => i.Person!.PersonId.StartsWith("SB-")).Select(i => i.Person!.PersonId).ToListAsync();
        Assert.Equal(["SB-NEW"], invited);
    }

    /// <summary>
    /// The next batch is planned while the last is written: a person new at the end of one batch and renamed at the start of
    /// the next is created with the names their own batch gave them, then updated once with the file's last names.
    /// </summary>
    [SkippableFact]
    public async Task APersonRenamedInTheBatchAfterTheirOwn_IsCreatedAsPlanned_ThenUpdated()
    {
        fixture.RequireDatabase();
        var file = new StringBuilder(CsvFiles.Header).Append('\n');
        var first = new LocalDate(2013, 1, 1);
        for (var i = 0; i < 2 * AppointmentImporter.BatchSize; i++)
        {
            var start = first.PlusDays(i / Authorities.Length * 3);
            // The first batch's last row and the second batch's first row are the same person, named differently.
            var (id, given) = i == AppointmentImporter.BatchSize ? ("REN-EDGE", "Second") : i == AppointmentImporter.BatchSize - 1 ? ("REN-EDGE", "First") : ($"REN-{i}", "Given");
            file.Append(Authorities[i % Authorities.Length]).Append(',').Append(id).Append(',').Append(given).Append(",Family,interim,")
                .Append(start.ToString("yyyy-MM-dd", null)).Append(',').Append(start.PlusDays(2).ToString("yyyy-MM-dd", null)).Append(",end_of_interim,no\n");
        }

        var result = await ImportAsync(file.ToString());

        Assert.True(result.ExitCode == 0, result.ToString());
        await using var db = fixture.Database.CreateDbContext();
        var person = await db.People.AsNoTracking().SingleAsync(p => p.PersonId == "REN-EDGE");
        Assert.Equal("Second", person.GivenName);
        Assert.Equal(2, await db.Appointments.CountAsync(a => a.PersonKey == person.Id));
        var key = person.Id.ToString(CultureInfo.InvariantCulture);
        var lines = await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == nameof(Person) && e.EntityId == key).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(
            [
                (AuditActions.Created, null),
                (AuditActions.Updated, """{"GivenName":{"old":"First","new":"Second"}}"""),
            ],
            lines.Select(l => (l.Action, l.Changes)));
    }

    /// <summary>
    /// A created line names the record, who imported it, when and how, and does not copy the record's values (README, "Audit
    /// log"): each created person and appointment has exactly one, with no changes. On SQLite the database writes them from
    /// the rows it has just inserted; on PostgreSQL .NET writes them.
    /// </summary>
    [SkippableFact]
    public async Task CreatedLines_NameEachRecordAndTheImport_WithoutCopyingItsValues()
    {
        fixture.RequireDatabase();
        var types = Enum.GetValues<AppointmentType>();
        var file = new StringBuilder(CsvFiles.Header).Append(",email\n");
        for (var i = 0; i < 11; i++)
        {
            file.Append(CultureInfo.InvariantCulture, $"{Authorities[i]},CRL-{i},\"Zoë \"\"{i}\"\"\",O'Brien-{i},{types[i % types.Length].ToCode()},2018-01-01,2018-06-30,retired,no,crl{i}@example.org\n");
        }

        var result = await ImportAsync(file.ToString());

        Assert.True(result.ExitCode == 0, result.ToString());
        await using var db = fixture.Database.CreateDbContext();
        var people = await db.People.AsNoTracking().Where(p => p.PersonId.StartsWith("CRL-")).Select(p => p.Id).ToListAsync();
        var appointments = await db.Appointments.AsNoTracking().Where(a => people.Contains(a.PersonKey)).Select(a => a.Id).ToListAsync();
        Assert.Equal((11, 11), (people.Count, appointments.Count));
        var keys = people.Select(k => (nameof(Person), k)).Concat(appointments.Select(k => (nameof(Appointment), k)))
            .Select(k => (k.Item1, k.k.ToString(CultureInfo.InvariantCulture))).ToHashSet();
        var lines = (await db.AuditEvents.AsNoTracking().Where(e => e.Detail == "CSV import" && e.Action == AuditActions.Created).ToListAsync())
            .Where(e => keys.Contains((e.EntityType!, e.EntityId!))).ToList();
        Assert.Equal(keys.Order(), lines.Select(e => (e.EntityType!, e.EntityId!)).Order());
        Assert.All(lines, line =>
        {
            Assert.Null(line.Changes);
            Assert.StartsWith("command line (", line.Actor, StringComparison.Ordinal);
        });
        Assert.Single(lines.Select(l => l.At).Distinct());
    }

    /// <summary>
    /// Nothing about a record as it was imported is lost from the log: every later change records the old value beside the
    /// new, so the values as imported are the record's own with each later change undone. A second file that renames a
    /// person, gives them an email and moves the end of their appointment says what each was before.
    /// </summary>
    [SkippableFact]
    public async Task ALaterImportsChanges_RecordTheValuesAsFirstImported()
    {
        fixture.RequireDatabase();
        var first = await ImportAsync(CsvFiles.Lines(CsvFiles.Header, "919,BACK-1,First,Name,interim,2016-01-01,2016-12-31,end_of_interim,no"));
        Assert.True(first.ExitCode == 0, first.ToString());
        var second = CsvFiles.Lines(CsvFiles.Header + ",email", "919,BACK-1,Second,Name,interim,2016-01-01,2016-05-31,end_of_interim,no,back1@example.org");

        var result = await ImportAsync(second);

        Assert.True(result.ExitCode == 0, result.ToString());
        await using var db = fixture.Database.CreateDbContext();
        var person = await db.People.AsNoTracking().SingleAsync(p => p.PersonId == "BACK-1");
        var appointment = await db.Appointments.AsNoTracking().SingleAsync(a => a.PersonKey == person.Id);
        var personLines = await LinesAsync(db, nameof(Person), person.Id);
        Assert.Equal([AuditActions.Created, AuditActions.Updated], personLines.Select(l => l.Action));
        Assert.Null(personLines[0].Changes);
        Assert.Equal("""{"GivenName":{"old":"First","new":"Second"},"Email":{"old":null,"new":"back1@example.org"}}""", personLines[1].Changes);
        var appointmentLines = await LinesAsync(db, nameof(Appointment), appointment.Id);
        Assert.Equal([AuditActions.Created, AuditActions.Updated], appointmentLines.Select(l => l.Action));
        var changed = JsonNode.Parse(appointmentLines[1].Changes!)!.AsObject();
        Assert.Equal("2016-12-31", changed["EndDate"]!["old"]!.GetValue<string>());
        Assert.Equal("2016-05-31", changed["EndDate"]!["new"]!.GetValue<string>());
        Assert.Equal(["EndDate"], changed.Select(f => f.Key));

        static Task<List<Upon.Audit.AuditEvent>> LinesAsync(Upon.Data.UponDbContext db, string type, int key)
        {
            var id = key.ToString(CultureInfo.InvariantCulture);
            return db.AuditEvents.AsNoTracking().Where(e => e.EntityType == type && e.EntityId == id).OrderBy(e => e.Id).ToListAsync();
        }
    }

    [SkippableFact]
    public async Task ABadRowAfterBatchesWereWritten_WritesNothing()
    {
        fixture.RequireDatabase();
        var file = History("BAD-", 2005).Append("880,BAD-LAST,A,B,permanent,2020-02-30,,,\n");
        await AssertNothingWrittenAsync(file.ToString(), "BAD-", $"Line {Rows + 2}, column start_date ('2020-02-30')", "not a real date");
    }

    [SkippableFact]
    public async Task AnOverlapFoundAtTheEnd_WithTheFirstBatch_WritesNothing()
    {
        fixture.RequireDatabase();
        // Overlaps the file's second row (Authorities[1] from 2009-01-01 to 2009-01-03), written in the first batch.
        var file = History("OVL-", 2009).Append(CultureInfo.InvariantCulture, $"{Authorities[1]},OVL-LAST,A,B,permanent,2009-01-03,2009-01-04,retired,no\n");
        await AssertNothingWrittenAsync(file.ToString(), "OVL-", $"Line {Rows + 2}, column start_date ('2009-01-03')", "Two people cannot be in post");
    }

    private async Task AssertNothingWrittenAsync(string content, string prefix, params string[] expected)
    {
        long auditBefore;
        await using (var db = fixture.Database.CreateDbContext())
        {
            auditBefore = await db.AuditEvents.CountAsync(e => e.Detail == "CSV import");
        }

        var result = await ImportAsync(content);

        Assert.True(result.ExitCode != 0, result.ToString());
        foreach (var text in expected)
        {
            Assert.Contains(text, result.Error, StringComparison.Ordinal);
        }
        Assert.Contains("1 error(s): nothing was imported.", result.Error, StringComparison.Ordinal);
        await using var after = fixture.Database.CreateDbContext();
        Assert.False(await after.People.AnyAsync(p => p.PersonId.StartsWith(prefix)));
        Assert.False(await after.Appointments.AnyAsync(a => a.Person!.PersonId.StartsWith(prefix)));
        Assert.Equal(auditBefore, await after.AuditEvents.CountAsync(e => e.Detail == "CSV import"));
    }
}

public sealed class StreamingImportTests_Sqlite(SqliteDatabase fixture) : StreamingImportTests(fixture), IClassFixture<SqliteDatabase>;

public sealed class StreamingImportTests_Postgres(PostgresDatabase fixture) : StreamingImportTests(fixture), IClassFixture<PostgresDatabase>;
