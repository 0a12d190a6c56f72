using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Data;

namespace Upon.Audit;

/// <summary>Records events that are not changes to a record: sign-ins, failed sign-ins, denied access, views of special-category data.</summary>
public sealed class AuditLog(UponDbContext db, IAuditActor actor, IClock clock, AuditGroupWriter group)
{
    public async Task RecordAsync(string action, string? entityType = null, string? entityId = null, string? detail = null, string? userId = null, string? actorName = null, CancellationToken cancellationToken = default)
    {
        db.AuditEvents.Add(Event(action, entityType, entityId, detail, userId, actorName));
        await db.SaveChangesAsync(cancellationToken);
    }

    private AuditEvent Event(string action, string? entityType, string? entityId, string? detail, string? userId = null, string? actorName = null) => new()
    {
        At = clock.GetCurrentInstant(),
        UserId = userId ?? actor.UserId,
        Actor = actorName ?? actor.Name,
        Action = action,
        EntityType = entityType,
        EntityId = entityId,
        Detail = detail,
    };

    /// <summary>
    /// Records that the current user viewed special-category data about each of <paramref name="entityIds"/> (a line
    /// each): in the current transaction if there is one, otherwise written with other requests' lines at the same moment
    /// (<see cref="AuditGroupWriter"/>); either way committed when this returns.
    /// </summary>
    public async Task RecordViewsAsync(string entityType, IEnumerable<string> entityIds, string what, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entityIds);
        var events = entityIds.Select(id => Event(AuditActions.Viewed, entityType, id, what)).ToList();
        if (events.Count == 0)
        {
            return;
        }
        if (db.Database.CurrentTransaction is null)
        {
            await group.WriteAsync(events, cancellationToken);
            return;
        }
        db.AuditEvents.AddRange(events);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Records that the current user viewed special-category data about a record, in the current transaction if there is one.</summary>
    public Task RecordViewAsync(string entityType, string entityId, string what, CancellationToken cancellationToken = default) =>
        RecordAsync(AuditActions.Viewed, entityType, entityId, what, cancellationToken: cancellationToken);
}

/// <summary>A search of the audit log.</summary>
public sealed record AuditQuery(string? Actor = null, string? Action = null, string? EntityType = null, string? EntityId = null, LocalDate? From = null, LocalDate? To = null)
{
    public IQueryable<AuditEvent> Apply(IQueryable<AuditEvent> events)
    {
        if (!string.IsNullOrWhiteSpace(Actor))
        {
            events = events.Where(e => e.Actor.Contains(Actor));
        }
        if (!string.IsNullOrWhiteSpace(Action))
        {
            events = events.Where(e => e.Action == Action);
        }
        if (!string.IsNullOrWhiteSpace(EntityType))
        {
            events = events.Where(e => e.EntityType == EntityType);
        }
        if (!string.IsNullOrWhiteSpace(EntityId))
        {
            events = events.Where(e => e.EntityId == EntityId);
        }
        if (From is { } from)
        {
            var start = from.AtStartOfDayInZone(Core.Time.London).ToInstant();
            events = events.Where(e => e.At >= start);
        }
        if (To is { } to)
        {
            var end = to.PlusDays(1).AtStartOfDayInZone(Core.Time.London).ToInstant();
            events = events.Where(e => e.At < end);
        }
        return events.OrderByDescending(e => e.Id);
    }
}
