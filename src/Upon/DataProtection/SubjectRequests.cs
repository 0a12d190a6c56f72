using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Audit;
using Upon.Core;
using Upon.Data;
using Upon.Shared.Privacy;

namespace Upon.DataProtection;

/// <summary>The administrators' to-do list of data protection requests made by email: logged with the day due, then marked answered.</summary>
public sealed class SubjectRequests(UponDbContext db, IAuditActor actor, IClock clock)
{
    /// <summary>Open requests, soonest due first, then the 20 answered most recently.</summary>
    public async Task<(IReadOnlyList<SubjectRequest> Open, IReadOnlyList<SubjectRequest> Answered)> ListAsync(CancellationToken cancellationToken = default)
    {
        var open = await db.SubjectRequests.AsNoTracking().Where(r => r.CompletedAt == null).OrderBy(r => r.DueOn).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        var answered = await db.SubjectRequests.AsNoTracking().Where(r => r.CompletedAt != null).OrderByDescending(r => r.CompletedAt).Take(20).ToListAsync(cancellationToken);
        return (open, answered);
    }

    public Task<SubjectRequest?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        db.SubjectRequests.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);

    public async Task<SubjectRequest> LogAsync(string email, SubjectRequestKind kind, LocalDate receivedOn, string? notes, CancellationToken cancellationToken = default)
    {
        var request = new SubjectRequest
        {
            Email = email.Trim(),
            Kind = kind,
            ReceivedOn = receivedOn,
            DueOn = SubjectRequest.DueFor(receivedOn),
            Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim(),
            RecordedAt = clock.GetCurrentInstant(),
            RecordedBy = actor.Name,
        };
        db.SubjectRequests.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        return request;
    }

    public async Task CompleteAsync(SubjectRequest request, CancellationToken cancellationToken = default)
    {
        request.CompletedAt = clock.GetCurrentInstant();
        request.CompletedBy = actor.Name;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Whether a request is past its due day and still open, by today in London.</summary>
    public bool IsOverdue(SubjectRequest request) => request.CompletedAt is null && request.DueOn < clock.TodayInLondon();
}

/// <summary>What data protection itself holds about a person: the requests they made by email.</summary>
public sealed class SubjectRequestsPersonalData(UponDbContext db) : IPersonalDataProvider
{
    public string Feature => "Your data protection requests";

    public IReadOnlyList<string> Tables { get; } = ["subject_requests"];

    public async Task<IReadOnlyList<PersonalRows>> FindAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var lower = subject.LowerEmail;
#pragma warning disable CA1862 // EF Core translates ToLower() to SQL.
        return [new("subject_requests", await db.SubjectRequests.Where(r => r.Email.ToLower() == lower).ToListAsync(cancellationToken))];
#pragma warning restore CA1862
    }

    /// <summary>Answered requests are kept for the data map's period after they were answered.</summary>
    public async Task<IReadOnlyList<RetentionDue>> FindRetentionDueAsync(RetentionContext context, CancellationToken cancellationToken)
    {
        if (context.KeptSince("subject_requests") is not { } since)
        {
            return [];
        }
        var cutoff = since.AtStartOfDayInZone(Time.London).ToInstant();
        var old = await db.SubjectRequests.Where(r => r.CompletedAt != null && r.CompletedAt < cutoff && !r.Email.EndsWith(ErasedAddresses.End)).ToListAsync(cancellationToken);
        return old.Count == 0 ? [] : [new RetentionDue("Answered requests", $"{old.Count} requests answered before {NodaTime.Text.LocalDatePattern.Iso.Format(since)}", Rows: new PersonalRows("subject_requests", old))];
    }
}
