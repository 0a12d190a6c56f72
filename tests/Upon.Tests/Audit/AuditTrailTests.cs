using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Upon.Audit;
using Upon.Core.Register;
using Upon.Data;
using Upon.Register;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Audit;

/// <summary>Every change is written to the append-only audit log in the same transaction as the change.</summary>
public abstract class AuditTrailTests(UponApp app)
{
    private Task<List<AuditEvent>> EventsAsync(string entityType, string entityId) =>
        app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.EntityType == entityType && e.EntityId == entityId).OrderBy(e => e.Id).ToListAsync());

    [SkippableFact]
    public async Task AddThenEditAppointmentThroughTheForms_AuditsWhoWhatOldAndNew()
    {
        app.RequireDatabase();
        var client = app.CreateClient();
        var fields = new Dictionary<string, string>
        {
            ["AuthorityCode"] = "812", ["PersonId"] = "AUDIT-1", ["GivenName"] = "Aud", ["FamilyName"] = "It", ["Email"] = "",
            ["Type"] = "interim", ["Start.day"] = "1", ["Start.month"] = "5", ["Start.year"] = "2021",
            ["End.day"] = "", ["End.month"] = "", ["End.year"] = "", ["Reason"] = "", ["Unplanned"] = "",
        };
        var added = await client.PostFormAsync("/register/appointments/add", fields);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var id = await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().Appointments.Where(a => a.Person!.PersonId == "AUDIT-1").Select(a => a.Id).SingleAsync());

        var created = Assert.Single(await EventsAsync(nameof(Appointment), id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(AuditActions.Created, created.Action);
        Assert.Equal(UponApp.EmailFor(Upon.Shared.Security.Roles.Administrator), created.Actor);
        using (var changes = JsonDocument.Parse(created.Changes!))
        {
            Assert.Equal("2021-05-01", changes.RootElement.GetProperty("StartDate").GetProperty("new").GetString());
            Assert.Equal("812", changes.RootElement.GetProperty("AuthorityCode").GetProperty("new").GetString());
        }

        fields["End.day"] = "31";
        fields["End.month"] = "3";
        fields["End.year"] = "2022";
        fields["Reason"] = "end_of_interim";
        fields["Unplanned"] = "false";
        var edited = await client.PostFormAsync($"/register/appointments/{id}/edit", fields);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);

        var updated = (await EventsAsync(nameof(Appointment), id.ToString(System.Globalization.CultureInfo.InvariantCulture))).Last();
        Assert.Equal(AuditActions.Updated, updated.Action);
        using var diff = JsonDocument.Parse(updated.Changes!);
        var end = diff.RootElement.GetProperty("EndDate");
        Assert.Equal(JsonValueKind.Null, end.GetProperty("old").ValueKind);
        Assert.Equal("2022-03-31", end.GetProperty("new").GetString());
        Assert.False(diff.RootElement.TryGetProperty("StartDate", out _));
    }

    [SkippableFact]
    public async Task Import_AuditsEveryRowItWrote()
    {
        app.RequireDatabase();
        var result = await app.WithScopeAsync(s => s.GetRequiredService<AppointmentImporter>().ImportAsync(new StringReader(CsvFiles.Lines(
            CsvFiles.Header, "813,AUDIT-2,Imp,Orted,permanent,2014-01-01,,,"))));
        Assert.True(result.Succeeded);
        var personKey = await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().People.Where(p => p.PersonId == "AUDIT-2").Select(p => p.Id).SingleAsync());
        var appointmentId = await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().Appointments.Where(a => a.PersonKey == personKey).Select(a => a.Id).SingleAsync());
        Assert.Equal(AuditActions.Created, Assert.Single(await EventsAsync(nameof(Person), personKey.ToString(System.Globalization.CultureInfo.InvariantCulture))).Action);
        var line = Assert.Single(await EventsAsync(nameof(Appointment), appointmentId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("CSV import", line.Detail);
    }

    [SkippableFact]
    public async Task AuditLog_CannotBeChanged_ByTheProductOrTheDatabase()
    {
        app.RequireDatabase();
        await app.WithScopeAsync(s => s.GetRequiredService<AuditLog>().RecordAsync(AuditActions.Viewed, "Test", "1", "a view").ContinueWith(_ => true));
        await app.WithDbAsync(async db =>
        {
            var line = await db.AuditEvents.OrderBy(e => e.Id).LastAsync();
            line.Detail = "tampered";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        });
        await app.WithDbAsync(async db =>
        {
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE audit_events SET \"Detail\" = 'tampered'"));
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_events"));
        });
        Assert.False(await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().AuditEvents.AnyAsync(e => e.Detail == "tampered")));
    }

    [SkippableFact]
    public async Task AuditPage_AdministratorSearchesAndExports()
    {
        app.RequireDatabase();
        await app.WithScopeAsync(s => s.GetRequiredService<AuditLog>().RecordAsync(AuditActions.Viewed, "Searchable", "S-1", "found me").ContinueWith(_ => true));
        var client = app.CreateClient();
        var page = await client.GetDocumentAsync("/admin/audit?EntityType=Searchable");
        Assert.Contains("found me", page.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("1 events", page.QuerySelector("caption")!.TextContent.Trim(), StringComparison.Ordinal);
        var csv = await client.GetStringAsync(new Uri("/admin/audit/export?EntityType=Searchable", UriKind.Relative));
        Assert.StartsWith("id,at,actor,user_id,action,entity_type,entity_id,changes,detail", csv, StringComparison.Ordinal);
        Assert.Contains("found me", csv, StringComparison.Ordinal);
        var bad = await client.GetAsync(new Uri("/admin/audit?From.day=30&From.month=2&From.year=2024", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}

public sealed class AuditTrailTests_Sqlite(SqliteApp app) : AuditTrailTests(app), IClassFixture<SqliteApp>;

public sealed class AuditTrailTests_Postgres(PostgresApp app) : AuditTrailTests(app), IClassFixture<PostgresApp>;

/// <summary>If the audit line cannot be written, the change is not written either.</summary>
public abstract class AuditAtomicityTests(UponApp app)
{
    [SkippableFact]
    public async Task AuditWriteFails_ChangeFailsToo()
    {
        app.RequireDatabase();
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(app.Provider == DatabaseProvider.Sqlite
            ? "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_events BEGIN SELECT RAISE(ABORT, 'audit store unavailable'); END;"
            : "CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit store unavailable'; END; $$; " +
              "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION refuse_audit();"));

        await Assert.ThrowsAnyAsync<Exception>(() => app.WithScopeAsync(s => s.GetRequiredService<AppointmentService>().AddAsync(new AppointmentChange(
            "815", "ATOMIC-1", "Ato", "Mic", null, AppointmentType.Permanent, new LocalDate(2018, 1, 1), null, null, null))));
        await Assert.ThrowsAnyAsync<Exception>(() => app.WithScopeAsync(s => s.GetRequiredService<AppointmentImporter>().ImportAsync(new StringReader(
            CsvFiles.Lines(CsvFiles.Header, "816,ATOMIC-2,Ato,Mic,permanent,2018-01-01,,,")))));

        Assert.False(await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().People.AnyAsync(p => p.PersonId.StartsWith("ATOMIC"))));
        Assert.False(await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().Appointments.AnyAsync(a => a.AuthorityCode == "815" || a.AuthorityCode == "816")));
    }
}

public sealed class AuditAtomicityTests_Sqlite(SqliteApp app) : AuditAtomicityTests(app), IClassFixture<SqliteApp>;

public sealed class AuditAtomicityTests_Postgres(PostgresApp app) : AuditAtomicityTests(app), IClassFixture<PostgresApp>;
