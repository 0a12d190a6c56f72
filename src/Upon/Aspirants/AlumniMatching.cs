using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Core;
using Upon.Data;

namespace Upon.Aspirants;

/// <summary>An application whose applicant may have become a director: its key, email, any confirmed register person and when it was submitted.</summary>
public sealed record AlumniCandidate(int Key, string Email, int? ConfirmedPersonKey, Instant? SubmittedAt);

/// <summary>
/// Finds applicants who became directors of children's services in the register: the person with the same email
/// (ignoring case), or the person staff confirmed, whose DCS appointment started on or after the day the application
/// was submitted (London).
/// </summary>
public sealed class AlumniMatching(UponDbContext db)
{
    /// <summary>For each candidate who became a DCS: the person's key and the start of their first such appointment.</summary>
    public async Task<IReadOnlyDictionary<int, (int PersonKey, LocalDate Started)>> FirstAppointmentsAsync(
        IReadOnlyList<AlumniCandidate> candidates, CancellationToken cancellationToken = default)
    {
        var byEmail = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var chunk in candidates.Where(c => c.ConfirmedPersonKey is null).Select(c => c.Email.ToLowerInvariant()).Distinct().Chunk(500))
        {
            foreach (var p in await db.People.Where(p => p.Email != null && chunk.Contains(p.Email.ToLower())).Select(p => new { p.Id, p.Email }).ToListAsync(cancellationToken))
            {
                byEmail.TryAdd(p.Email!, p.Id);
            }
        }
        var personOf = candidates
            .Select(c => (c, Person: c.ConfirmedPersonKey ?? (byEmail.TryGetValue(c.Email, out var id) ? id : (int?)null)))
            .Where(x => x.Person is not null)
            .ToList();
        var starts = new Dictionary<int, List<LocalDate>>();
        foreach (var chunk in personOf.Select(x => x.Person!.Value).Distinct().Chunk(500))
        {
            foreach (var a in await db.Appointments.Where(a => chunk.Contains(a.PersonKey)).Select(a => new { a.PersonKey, a.StartDate }).ToListAsync(cancellationToken))
            {
                if (!starts.TryGetValue(a.PersonKey, out var list)) starts[a.PersonKey] = list = [];
                list.Add(a.StartDate);
            }
        }
        var result = new Dictionary<int, (int, LocalDate)>();
        foreach (var (candidate, person) in personOf)
        {
            if (!starts.TryGetValue(person!.Value, out var list)) continue;
            var from = candidate.SubmittedAt is { } at ? at.InZone(Time.London).Date : LocalDate.MinIsoValue;
            var after = list.Where(d => d >= from).ToList();
            if (after.Count > 0) result[candidate.Key] = (person.Value, after.Min());
        }
        return result;
    }
}
