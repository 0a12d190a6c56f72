using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Core.Register;
using Upon.Data;
using Upon.Register;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Data;

/// <summary>
/// On SQLite, <c>upon import appointments</c> reads and writes on a connection of its own, without EF Core's model
/// (<see cref="BulkSession"/>); PostgreSQL imports through the context, which <see cref="BulkReaderTests"/> covers on both.
/// </summary>
public sealed class OwnConnectionReaderTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [SkippableFact]
    public async Task OnASqliteConnectionOfItsOwn_ReadsWhatItReadsOnTheContexts()
    {
        app.RequireDatabase();
        var (own, viaContext) = await app.WithScopeAsync(async s =>
        {
            var connections = s.GetRequiredService<DatabaseConnections>();
            Assert.Equal(DatabaseProvider.Sqlite, connections.Provider);
            var db = s.GetRequiredService<UponDbContext>();
            List<Authority> authorities;
            List<Appointment> appointments;
            await using (var session = await BulkSession.BeginOwnAsync(db, (await connections.OpenSqliteAsync(CancellationToken.None))!, CancellationToken.None))
            {
                var reader = new BulkReader(session);
                authorities = await reader.AuthoritiesAsync(CancellationToken.None);
                appointments = await reader.AppointmentsAsync(CancellationToken.None);
            }
            var context = new BulkReader(db);
            return ((Authorities: authorities, Appointments: appointments),
                (Authorities: await context.AuthoritiesAsync(CancellationToken.None), Appointments: await context.AppointmentsAsync(CancellationToken.None)));
        });

        Assert.NotEmpty(viaContext.Authorities);
        Assert.Equal(viaContext.Authorities.Select(a => (a.Code, a.Name, a.GssCodes.Count)), own.Authorities.Select(a => (a.Code, a.Name, a.GssCodes.Count)));
        Assert.Equal(viaContext.Appointments.Select(a => (a.Id, a.AuthorityCode, a.PersonKey, a.StartDate, a.EndDate)),
            own.Appointments.Select(a => (a.Id, a.AuthorityCode, a.PersonKey, a.StartDate, a.EndDate)));
    }
}
