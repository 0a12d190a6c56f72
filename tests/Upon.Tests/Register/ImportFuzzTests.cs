using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Upon.Core.Sessions;
using Upon.Data;
using Upon.Register;
using Upon.Sessions;
using Upon.Tests.Infrastructure;
using Upon.Tests.Register.Pages;
using Upon.Tests.Sessions;

namespace Upon.Tests.Register;

/// <summary>
/// Random mutations of valid files (seeded, a fixed number of cases) through the appointments importer, the upload page,
/// the attendance report parser and the attendance import page: every case ends in success or a clear error (line and
/// reason), never an exception or a 500, and an error writes nothing.
/// </summary>
public abstract class ImportFuzzTests(UponApp app)
{
    private const int Cases = 200;

    private static readonly byte[] Interesting = [0x00, 0x07, 0x7F, 0xFF, 0xE9, 0xC3, (byte)',', (byte)'"', (byte)'\n', (byte)'\r', (byte)'\t', (byte)'=', (byte)'-', (byte)'@', (byte)'\'', (byte)'9', (byte)'0'];

    private static readonly string[] Fragments = ["0001", "9999", "-0001", "2000-01-01", "2027-12-31", "yes", "maybe", "\"", ",,", "=HYPERLINK(\"x\")", "\u0000", "Zoë", "\uFEFF", "retired", "interim", "E09000022"];

    private static byte[] Mutate(byte[] valid, Random random)
    {
        var bytes = valid.ToList();
        for (var n = random.Next(1, 5); n > 0 && bytes.Count > 0; n--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(8))
            {
                case 0: bytes.RemoveAt(at); break;
                case 1: bytes.Insert(at, Interesting[random.Next(Interesting.Length)]); break;
                case 2: bytes[at] = (byte)random.Next(256); break;
                case 3: bytes.InsertRange(at, Encoding.UTF8.GetBytes(Fragments[random.Next(Fragments.Length)])); break;
                case 4: bytes.RemoveRange(at, Math.Min(bytes.Count - at, random.Next(1, 40))); break;
                case 5: bytes = bytes.Take(at).ToList(); break;
                case 6:
                    var lines = Encoding.UTF8.GetString([.. bytes]).Split('\n').ToList();
                    var line = lines[random.Next(lines.Count)];
                    lines.Insert(random.Next(lines.Count), line);
                    bytes = [.. Encoding.UTF8.GetBytes(string.Join('\n', lines))];
                    break;
                default: bytes[at] = Interesting[random.Next(Interesting.Length)]; break;
            }
        }
        return [.. bytes];
    }

    private static byte[] ValidAppointments(string prefix, int authorityOffset) => Encoding.UTF8.GetBytes(string.Join("\n",
    [
        CsvFiles.Header + ",email,recorded_date",
        $"{350 + authorityOffset},{prefix}-1,Ann,Ash,permanent,2006-01-01,2009-03-31,restructure,no,ann@example.org,2006-01-20",
        $"{350 + authorityOffset},{prefix}-2,Bea,\"O'Neill, Jr\",interim,2009-04-01,2010-06-30,end_of_interim,no,,",
        $"{350 + authorityOffset},{prefix}-3,Cy,Cole,permanent,2010-07-01,,,,cy@example.org,",
        $"{351 + authorityOffset},{prefix}-4,Dee,Dunn,acting,2015-05-05,2016-01-31,resigned,yes,,2015-05-06",
    ]) + "\n");

    private Task<string> ChecksumAsync() => app.WithScopeAsync(async s =>
    {
        var db = s.GetRequiredService<UponDbContext>();
        return string.Join("/", await db.Appointments.CountAsync(), await db.People.CountAsync(), await db.DirectorInvitations.CountAsync(),
            await db.AuditEvents.CountAsync(e => e.EntityType != "PendingUpload"), await db.AttendanceRecords.CountAsync(), await db.PendingUploads.CountAsync(u => u.ExpiresAt < app.Clock.GetCurrentInstant()));
    });

    [SkippableFact]
    public async Task AppointmentsImporter_MutatedFiles_SucceedOrFailClearly_AndWriteNothingOnError()
    {
        app.RequireDatabase();
        var random = new Random(20261202);
        var valid = ValidAppointments("fuzz-svc", 0);
        var outcomes = new Dictionary<bool, int> { [true] = 0, [false] = 0 };
        for (var i = 0; i < Cases; i++)
        {
            var file = Mutate(valid, random);
            var before = await ChecksumAsync();
            var result = await app.WithScopeAsync(s => s.GetRequiredService<AppointmentImporter>().ImportAsync(file));
            outcomes[result.Succeeded]++;
            if (!result.Succeeded)
            {
                Assert.All(result.Errors, e => Assert.True(e.Line >= 1 && e.Reason.Length > 0, $"case {i}: {e}"));
                Assert.Equal(before, await ChecksumAsync());
            }
        }
        Assert.True(outcomes[false] > Cases / 4, $"Only {outcomes[false]} of {Cases} mutations were refused: the fuzzing is too gentle.");
    }

    [SkippableFact]
    public async Task UploadPage_MutatedFiles_NeverGiveA500_AndWriteNothingOnError()
    {
        app.RequireDatabase();
        var random = new Random(1202);
        var valid = ValidAppointments("fuzz-page", 2);
        var client = app.CreateClient();
        for (var i = 0; i < Cases; i++)
        {
            var file = Mutate(valid, random);
            var before = await ChecksumAsync();
            var response = await client.PostFileAsync("/register/upload", "CsvFile", "fuzz.csv", file);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"case {i}: {(int)response.StatusCode}");
            var doc = await Html.ParseAsync(response);
            var token = doc.QuerySelector("input[name=token]")?.GetAttribute("value");
            if (token is null)
            {
                Assert.True(doc.QuerySelector("#upload-errors") is not null || doc.ErrorSummary().Count > 0, $"case {i}: neither a preview nor an error");
                Assert.Equal(before, await ChecksumAsync());
                continue;
            }
            var confirm = await client.PostFormAsync("/register/upload", new Dictionary<string, string> { ["token"] = token }, "/register/upload?handler=Confirm");
            Assert.True(confirm.StatusCode == HttpStatusCode.Redirect, $"case {i}: confirming gave {(int)confirm.StatusCode}");
        }
    }

    [SkippableFact]
    public async Task AttendanceReports_MutatedTeamsAndZoomFiles_ParseOrFailClearly_AndThePageNeverGivesA500()
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app);
        var session = await SessionSeed.SessionAsync(app, strand, capacity: 10, start: AttendanceTesting.LastFriday);
        var people = await SessionSeed.ParticipantsAsync(app, strand, 2);
        await SessionSeed.PlacesAsync(app, session, people);
        var teams = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(string.Join("\r\n",
            "1. Summary", "Meeting title\tFuzz", "Start time\t20/11/2026, 13:58:00", "End time\t20/11/2026, 16:01:00", "",
            "2. Participants", "Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\tParticipant ID (UPN)\tRole",
            $"{people[0].FullName}\t20/11/2026, 13:58:00\t20/11/2026, 16:00:00\t2h 2m\t{people[0].Email}\t{people[0].Email}\tAttendee") + "\r\n")).ToArray();
        var zoom = Encoding.UTF8.GetBytes(string.Join("\r\n",
            "Topic,ID,Host,Duration (minutes),Start time,End time,Participants",
            "Fuzz,812 3456 7890,Programme Team,125,11/20/2026 01:58:00 PM,11/20/2026 04:03:00 PM,1", "",
            "Name (original name),Email,Join time,Leave time,Duration (minutes),Guest,In waiting room",
            $"{people[1].FullName},{people[1].Email},11/20/2026 02:00:00 PM,11/20/2026 04:00:00 PM,120,No,No") + "\r\n");
        var random = new Random(2026);
        var client = app.CreateClient();
        var url = $"/sessions/{session.Id}/register/import";
        for (var i = 0; i < Cases; i++)
        {
            var file = Mutate(i % 2 == 0 ? teams : zoom, random);
            try
            {
                AttendanceReportParser.Parse(new MemoryStream(file));
            }
            catch (AttendanceReportFormatException e)
            {
                Assert.False(string.IsNullOrWhiteSpace(e.Message), $"case {i}");
            }
            if (i % 2 == 0 || i % 4 == 1)
            {
                var before = await ChecksumAsync();
                var response = await client.PostFileAsync(url, "ReportFile", "report.csv", file);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"case {i}: {(int)response.StatusCode}");
                Assert.Equal(before, await ChecksumAsync());
            }
        }
    }
}

public sealed class ImportFuzzTests_Sqlite(SqliteApp app) : ImportFuzzTests(app), IClassFixture<SqliteApp>;

public sealed class ImportFuzzTests_Postgres(PostgresApp app) : ImportFuzzTests(app), IClassFixture<PostgresApp>;
