using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Data;

namespace Upon.Sessions;

/// <summary>What the strand form gives: its name, what it is, and whether it runs in annual cohorts.</summary>
public sealed record StrandDetails(string Name, string? Summary, bool HasCohorts);

/// <summary>What the cohort form gives: its name and the dates it runs from and to.</summary>
public sealed record CohortDetails(string Name, LocalDate StartsOn, LocalDate EndsOn);

/// <summary>
/// Adds and changes the programme's strands and their cohorts. A strand's slug (its address in URLs and calendar feeds) is
/// set once. Errors are keyed by form field.
/// </summary>
public sealed partial class StrandService(UponDbContext db)
{
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugShape();

    /// <summary>Whether a slug is lower-case letters and digits in words joined by single hyphens (<c>new-directors</c>).</summary>
    public static bool IsSlug(string slug) => slug.Length <= Strand.MaxSlugLength && SlugShape().IsMatch(slug);

    public async Task<SaveResult> AddStrandAsync(string slug, StrandDetails details, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        var errors = await CheckStrandAsync(null, details, cancellationToken);
        if (!IsSlug(slug))
        {
            errors["Slug"] = "Enter a web address name of lower-case letters, numbers and hyphens, like new-directors";
        }
        else if (await db.Strands.AnyAsync(s => s.Slug == slug, cancellationToken))
        {
            errors["Slug"] = $"Another strand already has the web address name {slug}";
        }
        if (errors.Count > 0)
        {
            return SaveResult.Failed(errors);
        }
        var order = await db.Strands.Select(s => (int?)s.DisplayOrder).MaxAsync(cancellationToken) ?? 0;
        var strand = new Strand { Slug = slug, Name = details.Name, Summary = details.Summary, HasCohorts = details.HasCohorts, DisplayOrder = order + 1 };
        db.Strands.Add(strand);
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Saved(strand.Id);
    }

    public async Task<SaveResult> EditStrandAsync(int id, StrandDetails details, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        var strand = await db.Strands.SingleOrDefaultAsync(s => s.Id == id, cancellationToken)
            ?? throw new KeyNotFoundException($"Strand {id} does not exist.");
        var errors = await CheckStrandAsync(id, details, cancellationToken);
        if (!details.HasCohorts && await db.Cohorts.AnyAsync(c => c.StrandId == id, cancellationToken))
        {
            errors["HasCohorts"] = "This strand has cohorts, so it must keep running in cohorts";
        }
        if (errors.Count > 0)
        {
            return SaveResult.Failed(errors);
        }
        strand.Name = details.Name;
        strand.Summary = details.Summary;
        strand.HasCohorts = details.HasCohorts;
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Saved(id);
    }

    public async Task<SaveResult> AddCohortAsync(int strandId, CohortDetails details, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        var strand = await db.Strands.AsNoTracking().SingleOrDefaultAsync(s => s.Id == strandId, cancellationToken)
            ?? throw new KeyNotFoundException($"Strand {strandId} does not exist.");
        if (!strand.HasCohorts)
        {
            return SaveResult.Failed("", $"{strand.Name} does not run in cohorts");
        }
        var errors = await CheckCohortAsync(strandId, null, details, cancellationToken);
        if (errors.Count > 0)
        {
            return SaveResult.Failed(errors);
        }
        var cohort = new Cohort { StrandId = strandId, Name = details.Name, StartsOn = details.StartsOn, EndsOn = details.EndsOn };
        db.Cohorts.Add(cohort);
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Saved(cohort.Id);
    }

    public async Task<SaveResult> EditCohortAsync(int id, CohortDetails details, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        var cohort = await db.Cohorts.SingleOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new KeyNotFoundException($"Cohort {id} does not exist.");
        var errors = await CheckCohortAsync(cohort.StrandId, id, details, cancellationToken);
        if (errors.Count > 0)
        {
            return SaveResult.Failed(errors);
        }
        cohort.Name = details.Name;
        cohort.StartsOn = details.StartsOn;
        cohort.EndsOn = details.EndsOn;
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Saved(id);
    }

    private async Task<Dictionary<string, string>> CheckStrandAsync(int? id, StrandDetails details, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        var names = await db.Strands.AsNoTracking().Where(s => s.Id != (id ?? 0)).Select(s => s.Name).ToListAsync(cancellationToken);
        if (names.Contains(details.Name, StringComparer.OrdinalIgnoreCase))
        {
            errors["Name"] = $"There is already a strand called {details.Name}";
        }
        return errors;
    }

    private async Task<Dictionary<string, string>> CheckCohortAsync(int strandId, int? id, CohortDetails details, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        var names = await db.Cohorts.AsNoTracking().Where(c => c.StrandId == strandId && c.Id != (id ?? 0)).Select(c => c.Name).ToListAsync(cancellationToken);
        if (names.Contains(details.Name, StringComparer.OrdinalIgnoreCase))
        {
            errors["Name"] = $"This strand already has a cohort called {details.Name}";
        }
        if (details.EndsOn < details.StartsOn)
        {
            errors["EndsOn.day"] = "The end date must be on or after the start date";
        }
        return errors;
    }
}
