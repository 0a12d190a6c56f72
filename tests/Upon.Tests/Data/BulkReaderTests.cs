using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Core.Register;
using Upon.Data;
using Upon.Register;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Data;

/// <summary>
/// The bulk reader's plain queries read every field as EF Core reads it, on both databases: empty and filled optional
/// fields, every appointment type and leaving reason, both flags, and the authorities' GSS codes in the same order.
/// </summary>
public abstract class BulkReaderTests(UponApp app)
{
    [SkippableFact]
    public async Task Authorities_AreReadAsEfReadsThem_WithTheirGssCodesInOrder()
    {
        app.RequireDatabase();

        var (read, expected) = await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            return (await new BulkReader(db).AuthoritiesAsync(CancellationToken.None),
                await db.Authorities.AsNoTracking().Include(a => a.GssCodes).ToListAsync());
        });

        Assert.NotEmpty(expected);
        Assert.Contains(expected, a => a.GssCodes.Count > 1);
        Assert.Contains(expected, a => a.OperatingTo is not null);
        Assert.Equal(
            expected.Select(a => (a.Code, a.Name, a.RegionCode, a.OperatingFrom, a.OperatingTo,
                string.Join(";", a.GssCodes.Select(g => $"{g.Code}|{g.AuthorityCode}|{g.Name}|{g.RegionCode}|{g.ValidFrom}|{g.ValidTo}")))),
            read.Select(a => (a.Code, a.Name, a.RegionCode, a.OperatingFrom, a.OperatingTo,
                string.Join(";", a.GssCodes.Select(g => $"{g.Code}|{g.AuthorityCode}|{g.Name}|{g.RegionCode}|{g.ValidFrom}|{g.ValidTo}")))));
    }

    [SkippableFact]
    public async Task PeopleAndAppointments_AreReadAsEfReadsThem()
    {
        app.RequireDatabase();
        await app.WithDbAsync(async db =>
        {
            var withEmail = new Person { PersonId = $"BR{Guid.NewGuid():N}"[..12], GivenName = "Zoë", FamilyName = "O'Reader", Email = "zoe.reader@example.test" };
            var withoutEmail = new Person { PersonId = $"BR{Guid.NewGuid():N}"[..12], GivenName = "Sam", FamilyName = "Reader" };
            db.People.AddRange(withEmail, withoutEmail);
            await db.SaveChangesAsync();
            var start = new LocalDate(2001, 4, 1);
            var appointments = new List<Appointment>();
            foreach (var (type, i) in Enum.GetValues<AppointmentType>().Select((t, i) => (t, i)))
            {
                appointments.Add(new Appointment { AuthorityCode = "201", PersonKey = withoutEmail.Id, Type = type, StartDate = start.PlusYears(i) });
            }
            foreach (var (reason, i) in Enum.GetValues<LeavingReason>().Select((r, i) => (r, i)))
            {
                appointments.Add(new Appointment
                {
                    AuthorityCode = "202",
                    PersonKey = withEmail.Id,
                    Type = AppointmentType.Permanent,
                    StartDate = start.PlusYears(i),
                    EndDate = start.PlusYears(i).PlusMonths(6),
                    LeavingReason = reason,
                    Unplanned = i % 2 == 0,
                    RecordedOn = start.PlusYears(i).PlusDays(3),
                });
            }
            db.Appointments.AddRange(appointments);
            await db.SaveChangesAsync();
        });

        var (people, expectedPeople, appointments, expectedAppointments) = await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            var reader = new BulkReader(db);
            return (await reader.PeopleAsync(CancellationToken.None), await db.People.AsNoTracking().ToListAsync(),
                await reader.AppointmentsAsync(CancellationToken.None), await db.Appointments.AsNoTracking().ToListAsync());
        });

        Assert.Equal(
            expectedPeople.OrderBy(p => p.Id).Select(p => (p.Id, p.PersonId, p.GivenName, p.FamilyName, p.Email)),
            people.OrderBy(p => p.Id).Select(p => (p.Id, p.PersonId, p.GivenName, p.FamilyName, p.Email)));
        Assert.Contains(people, p => p.Email is null);
        Assert.Equal(
            expectedAppointments.OrderBy(a => a.Id).Select(a => (a.Id, a.AuthorityCode, a.PersonKey, a.Type, a.StartDate, a.EndDate, a.LeavingReason, a.Unplanned, a.RecordedOn)),
            appointments.OrderBy(a => a.Id).Select(a => (a.Id, a.AuthorityCode, a.PersonKey, a.Type, a.StartDate, a.EndDate, a.LeavingReason, a.Unplanned, a.RecordedOn)));
        Assert.Contains(appointments, a => a.EndDate is null && a.LeavingReason is null && a.Unplanned is null && a.RecordedOn is null);
        Assert.Contains(appointments, a => a.Unplanned == true);
        Assert.Contains(appointments, a => a.Unplanned == false);
    }
}

public sealed class BulkReaderTests_Sqlite(SqliteApp app) : BulkReaderTests(app), IClassFixture<SqliteApp>;

public sealed class BulkReaderTests_Postgres(PostgresApp app) : BulkReaderTests(app), IClassFixture<PostgresApp>;
