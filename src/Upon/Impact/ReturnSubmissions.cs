using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Upon.Audit;
using Upon.Core.Impact;
using Upon.Data;
using Upon.Disclosure;

namespace Upon.Impact;

/// <summary>A figure whose value now differs from the one submitted.</summary>
public sealed record ReturnDifference(string Section, string Key, string Title, string Unit, string Column, double? Submitted, double? Now);

/// <summary>
/// A section, or a figure of a section, that the return has now but the version served lacks, because it was added to
/// Upon after that version was submitted: not part of the return as submitted, never a difference. A revision includes it.
/// </summary>
/// <param name="SectionKey">The section's key.</param>
/// <param name="SectionTitle">Its title.</param>
/// <param name="Figures">The figures missing from the version served (every one of them when the whole section is).</param>
/// <param name="WholeSection">Whether the version served lacks the whole section.</param>
public sealed record ReturnAddition(string SectionKey, string SectionTitle, IReadOnlyList<ReturnFigureDefinition> Figures, bool WholeSection);

/// <summary>A version of a submitted return: who submitted it, when and why.</summary>
public sealed record ReturnVersion(int Version, Instant SubmittedAt, string? SubmittedBy, string? Note);

/// <summary>
/// The DfE return as it is served: once staff mark a period's return as submitted, its figures are frozen as they were
/// (both the exact and the funder's documents) and served from then on; a later correction of the data shows as a
/// difference, and staff issue a revision, with a note, to publish the new figures.
/// </summary>
public sealed class ReturnSubmissions(UponDbContext db, ReturnReport report, FigureDisclosure disclosure, AuditLog audit, IClock clock)
{
    /// <summary>The return of the period as served: the latest submitted version, or else a draft worked out now.</summary>
    public async Task<(DfeReturnDocument Exact, DfeReturnDocument Funder)> ServedAsync(ReturnPeriod period, CancellationToken cancellationToken)
    {
        var latest = await LatestAsync(period, cancellationToken);
        return latest is null ? await report.ComputeAsync(period, disclosure.Suppression, cancellationToken) : Frozen(latest);
    }

    /// <summary>Every version of the period's return, oldest first.</summary>
    public async Task<IReadOnlyList<ReturnVersion>> VersionsAsync(ReturnPeriod period, CancellationToken cancellationToken) =>
        await db.ReturnSubmissions.AsNoTracking().Where(s => s.Period == period.Label).OrderBy(s => s.Version)
            .Select(s => new ReturnVersion(s.Version, s.SubmittedAt, s.SubmittedBy, s.Note)).ToListAsync(cancellationToken);

    /// <summary>
    /// The sections and figures the return has now that <paramref name="served"/> (a submitted version) lacks, in the
    /// return's order; empty for a draft, which always has them all.
    /// </summary>
    public IReadOnlyList<ReturnAddition> NotSubmitted(DfeReturnDocument served)
    {
        ArgumentNullException.ThrowIfNull(served);
        if (served.Version is null)
        {
            return [];
        }
        var additions = new List<ReturnAddition>();
        foreach (var section in report.Sections)
        {
            var had = served.Sections.FirstOrDefault(s => s.Key == section.Key);
            var missing = section.Figures.Where(f => had is null || !had.Figures.Any(h => h.Key == f.Key)).ToList();
            if (missing.Count > 0)
            {
                additions.Add(new ReturnAddition(section.Key, section.Title, missing, had is null));
            }
        }
        return additions;
    }

    /// <summary>
    /// The figures of the exact view whose value now differs from the latest submitted version; empty for a draft. A
    /// figure the submitted version does not have at all is not a difference (<see cref="NotSubmitted"/>).
    /// </summary>
    public async Task<IReadOnlyList<ReturnDifference>> DifferencesAsync(ReturnPeriod period, CancellationToken cancellationToken)
    {
        var latest = await LatestAsync(period, cancellationToken);
        if (latest is null)
        {
            return [];
        }
        var submitted = Frozen(latest).Exact;
        var (now, _) = await report.ComputeAsync(period, disclosure.Suppression, cancellationToken);
        var before = submitted.AllFigures().ToDictionary(x => x.Figure.Key, StringComparer.Ordinal);
        var differences = new List<ReturnDifference>();
        foreach (var (section, figure) in now.AllFigures())
        {
            if (!before.TryGetValue(figure.Key, out var old))
            {
                continue;
            }
            foreach (var (column, value, oldValue) in new[]
            {
                (DfeReturnFigureDocument.ThisPeriodColumn, figure.ThisPeriod, old.Figure.ThisPeriod),
                (DfeReturnFigureDocument.LastPeriodColumn, figure.LastPeriod, old.Figure.LastPeriod),
                (DfeReturnFigureDocument.SamePeriodLastYearColumn, figure.SamePeriodLastYear, old.Figure.SamePeriodLastYear),
            })
            {
                if (value != oldValue)
                {
                    differences.Add(new ReturnDifference(section.Title, figure.Key, figure.Title, figure.Unit, column, oldValue, value));
                }
            }
        }
        return differences;
    }

    /// <summary>Marks the period's return as submitted, freezing its figures as they are now. False when it already was.</summary>
    public async Task<bool> SubmitAsync(ReturnPeriod period, string? submittedBy, CancellationToken cancellationToken)
    {
        if (await db.ReturnSubmissions.AnyAsync(s => s.Period == period.Label, cancellationToken))
        {
            return false;
        }
        await SaveAsync(period, 1, submittedBy, null, cancellationToken);
        return true;
    }

    /// <summary>Issues a revision of a submitted return, with the figures as they are now and a note saying why. False when it was never submitted.</summary>
    public async Task<bool> ReviseAsync(ReturnPeriod period, string? submittedBy, string note, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(note);
        var latest = await LatestAsync(period, cancellationToken);
        if (latest is null)
        {
            return false;
        }
        await SaveAsync(period, latest.Version + 1, submittedBy, note.Trim(), cancellationToken);
        return true;
    }

    private async Task SaveAsync(ReturnPeriod period, int version, string? submittedBy, string? note, CancellationToken cancellationToken)
    {
        var (exact, funder) = await report.ComputeAsync(period, disclosure.Suppression, cancellationToken);
        var now = clock.GetCurrentInstant();
        var status = version == 1 ? "submitted" : "revised";
        var at = InstantPattern.General.Format(now);
        exact = exact with { Status = status, Version = version, SubmittedAt = at, RevisionNote = note };
        funder = funder with { Status = status, Version = version, SubmittedAt = at, RevisionNote = note };
        db.ReturnSubmissions.Add(new ReturnSubmission
        {
            Period = period.Label,
            Version = version,
            SubmittedAt = now,
            SubmittedBy = submittedBy,
            Note = note,
            ExactJson = JsonSerializer.Serialize(exact, ReturnReport.Json),
            FunderJson = JsonSerializer.Serialize(funder, ReturnReport.Json),
        });
        await audit.RecordAsync(version == 1 ? "ReturnSubmitted" : "ReturnRevised", nameof(ReturnSubmission), $"{period.Label} v{version}", note, cancellationToken: cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private Task<ReturnSubmission?> LatestAsync(ReturnPeriod period, CancellationToken cancellationToken) =>
        db.ReturnSubmissions.AsNoTracking().Where(s => s.Period == period.Label).OrderByDescending(s => s.Version).FirstOrDefaultAsync(cancellationToken);

    private static (DfeReturnDocument Exact, DfeReturnDocument Funder) Frozen(ReturnSubmission submission) =>
        (JsonSerializer.Deserialize<DfeReturnDocument>(submission.ExactJson, ReturnReport.Json)!,
         JsonSerializer.Deserialize<DfeReturnDocument>(submission.FunderJson, ReturnReport.Json)!);
}
