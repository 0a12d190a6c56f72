using Microsoft.EntityFrameworkCore;
using Upon.Data;

namespace Upon.Sessions;

/// <summary>
/// The programme's two standing strands, which always exist: New Directors (rolling: directors join when they take up
/// post) and Aspirant Directors (annual cohorts). Staff may rename them and add more; they are created only when missing.
/// </summary>
public static class StrandSetup
{
    public const string NewDirectorsSlug = "new-directors";
    public const string AspirantDirectorsSlug = "aspirant-directors";

    /// <summary>The standing strands as they are first created.</summary>
    public static IReadOnlyList<Strand> Defaults() =>
    [
        new Strand
        {
            Slug = NewDirectorsSlug,
            Name = "New Directors",
            HasCohorts = false,
            DisplayOrder = 1,
            Summary = "For Directors of Children's Services in their first years in post, including interim directors. " +
                "Directors join when they take up post, whenever that is: two-hour virtual workshops, usually on a Friday " +
                "afternoon, residentials that bring directors together in person, action learning sets with peers, and coaching.",
        },
        new Strand
        {
            Slug = AspirantDirectorsSlug,
            Name = "Aspirant Directors",
            HasCohorts = true,
            DisplayOrder = 2,
            Summary = "For senior leaders in children's services preparing to become a Director of Children's Services. " +
                "Aspirants join an annual cohort and learn together through taught days, action learning sets, network " +
                "webinars and coaching groups over the programme year.",
        },
    ];

    /// <summary>Adds whichever standing strand is missing, found by its slug; existing strands are left as staff made them.</summary>
    public static async Task EnsureStrandsAsync(UponDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var slugs = await db.Strands.Select(s => s.Slug).ToListAsync(cancellationToken);
        var missing = Defaults().Where(s => !slugs.Contains(s.Slug)).ToList();
        if (missing.Count == 0)
        {
            return;
        }
        db.Strands.AddRange(missing);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The standing strand with <paramref name="slug"/>, created first (with the other standing strands) when missing.</summary>
    public static async Task<Strand> StandingStrandAsync(UponDbContext db, string slug, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (Defaults().All(s => s.Slug != slug))
        {
            throw new ArgumentException($"{slug} is not a standing strand.", nameof(slug));
        }
        await EnsureStrandsAsync(db, cancellationToken);
        return await db.Strands.SingleAsync(s => s.Slug == slug, cancellationToken);
    }
}
