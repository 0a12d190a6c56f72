using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Core;
using Upon.Data;
using Upon.Shared.Figures;

namespace Upon.Sessions;

/// <summary>
/// The programme's attendance figures and the public list of sessions through the figure cache (<see cref="FigureReader"/>):
/// computed once per change of the data and per day, and again when a session starts or ends (which decides whether it
/// is counted, or listed as to come).
/// </summary>
public sealed class AttendanceFigureCache(FigureReader figures)
{
    /// <summary>The figures of <paramref name="period"/>, or null when it names a strand that does not exist.</summary>
    public async Task<ProgrammeAttendanceFigures?> FiguresAsync(AttendancePeriod period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var key = $"attendance|{period.Query}";
        return (await figures.GetAsync(key, async (services, token) =>
        {
            var computed = await services.GetRequiredService<ProgrammeAttendance>().FiguresAsync(period, token);
            var end = period.To.PlusDays(1).AtStartOfDayInZone(Time.London).ToInstant();
            return new Computed<ProgrammeAttendanceFigures?>(computed, await NextSessionChangeAsync(services, end, token));
        }, cancellationToken)).Value;
    }

    /// <summary>The strands, in display order, for the attendance page's filter.</summary>
    public async Task<IReadOnlyList<Strand>> StrandsAsync(CancellationToken cancellationToken = default) =>
        (await figures.GetAsync("attendance|strands", (services, token) => services.GetRequiredService<ProgrammeAttendance>().StrandsAsync(token), cancellationToken)).Value;

    /// <summary>The public list of sessions to come, by strand.</summary>
    public async Task<IReadOnlyList<StrandSessions>> UpcomingByStrandAsync(CancellationToken cancellationToken = default) =>
        (await figures.GetAsync("sessions|upcoming", async (services, token) =>
        {
            var upcoming = await services.GetRequiredService<SessionQueries>().UpcomingByStrandAsync(token);
            return new Computed<IReadOnlyList<StrandSessions>>(upcoming, await NextSessionChangeAsync(services, null, token));
        }, cancellationToken)).Value;

    /// <summary>The next time (before <paramref name="before"/>, when given) that a session starts or ends.</summary>
    private static async Task<Instant?> NextSessionChangeAsync(IServiceProvider services, Instant? before, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<UponDbContext>();
        var now = services.GetRequiredService<IClock>().GetCurrentInstant();
        var starts = db.Sessions.AsNoTracking().Where(s => s.StartUtc > now);
        var ends = db.Sessions.AsNoTracking().Where(s => s.EndUtc > now);
        if (before is { } limit)
        {
            starts = starts.Where(s => s.StartUtc < limit);
            ends = ends.Where(s => s.EndUtc < limit);
        }
        var nextStart = await starts.OrderBy(s => s.StartUtc).Select(s => (Instant?)s.StartUtc).FirstOrDefaultAsync(cancellationToken);
        var nextEnd = await ends.OrderBy(s => s.EndUtc).Select(s => (Instant?)s.EndUtc).FirstOrDefaultAsync(cancellationToken);
        return nextStart is { } start && (nextEnd is not { } end || start <= end) ? nextStart : nextEnd;
    }
}
