using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Core;
using Upon.Data;

namespace Upon.Aspirants;

/// <summary>An application whose applicant may have become a director: its key, email, any confirmed register person and when it was submitted.</summary>
public sealed record AlumniCandidate(int Key, string Email, int? ConfirmedPersonKey, Instant? SubmittedAt);

/// <summary>How an alumnus was linked to the register person who became a DCS.</summary>
public enum AlumniLink
{
    /// <summary>The register has them under the email address they applied with.</summary>
    SameEmail,

    /// <summary>Staff confirmed a suggested match on name and authority.</summary>
    ConfirmedMatch,
}

/// <summary>An applicant's first DCS post in the register on or after the day they applied: who, when, where and how they were linked.</summary>
public sealed record BecameDcs(int PersonKey, LocalDate Started, string AuthorityCode, AlumniLink Link);

/// <summary>
/// Finds applicants who became directors of children's services in the register: the person with the same email
/// (ignoring case), or the person staff confirmed, whose DCS appointment started on or after the day the application
/// was submitted (London).
/// </summary>
public sealed class AlumniMatching(UponDbContext db)
{
    /// <summary>For each candidate who became a DCS: the person's key and the start of their first such appointment.</summary>
    public async Task<IReadOnlyDictionary<int, (int PersonKey, LocalDate Started)>> FirstAppointmentsAsync(
        IReadOnlyList<AlumniCandidate> candidates, CancellationToken cancellationToken = default) =>
        (await BecameDcsAsync(candidates, cancellationToken)).ToDictionary(p => p.Key, p => (p.Value.PersonKey, p.Value.Started));

    /// <summary>For each candidate who became a DCS: their first such post (the earliest start; on a tie, the lowest authority code) and how they were linked.</summary>
    public async Task<IReadOnlyDictionary<int, BecameDcs>> BecameDcsAsync(IReadOnlyList<AlumniCandidate> candidates, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidates);
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
        var starts = new Dictionary<int, List<(LocalDate Start, string AuthorityCode)>>();
        foreach (var chunk in personOf.Select(x => x.Person!.Value).Distinct().Chunk(500))
        {
            foreach (var a in await db.Appointments.Where(a => chunk.Contains(a.PersonKey)).Select(a => new { a.PersonKey, a.StartDate, a.AuthorityCode }).ToListAsync(cancellationToken))
            {
                if (!starts.TryGetValue(a.PersonKey, out var list)) starts[a.PersonKey] = list = [];
                list.Add((a.StartDate, a.AuthorityCode));
            }
        }
        var result = new Dictionary<int, BecameDcs>();
        foreach (var (candidate, person) in personOf)
        {
            if (!starts.TryGetValue(person!.Value, out var list)) continue;
            var from = candidate.SubmittedAt is { } at ? at.InZone(Time.London).Date : LocalDate.MinIsoValue;
            var first = list.Where(d => d.Start >= from).OrderBy(d => d.Start).ThenBy(d => d.AuthorityCode, StringComparer.Ordinal).ToList();
            if (first.Count > 0)
            {
                result[candidate.Key] = new BecameDcs(person.Value, first[0].Start, first[0].AuthorityCode,
                    candidate.ConfirmedPersonKey is null ? AlumniLink.SameEmail : AlumniLink.ConfirmedMatch);
            }
        }
        return result;
    }
}
