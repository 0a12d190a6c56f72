using Microsoft.EntityFrameworkCore;
using Upon.Data;
using Upon.Shared.Privacy;

namespace Upon.Impact;

/// <summary>
/// Keeps the equality figures' BALI graduates the same through an erasure or a retention rule: an application counts as
/// a graduate's when it says so or when its address is on the list of graduates (<see cref="EqualityBaliGraduate"/>,
/// from any source), and erasure replaces the address. So before it does, an application whose address is on the list
/// is marked as a graduate's; the mark is saved with the erasure.
/// </summary>
public sealed class BaliErasureFigures(UponDbContext db) : IErasureFigures
{
    public async Task KeepCountsAsync(IReadOnlyList<object> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var unmarked = rows.OfType<IBaliGraduateFlag>().Where(r => !r.BaliGraduate && !string.IsNullOrWhiteSpace(r.Email)).ToList();
        if (unmarked.Count == 0)
        {
            return;
        }
        var emails = unmarked.Select(r => r.Email.ToLowerInvariant()).Distinct().ToList();
        var graduates = (await db.BaliGraduates.AsNoTracking().Where(g => emails.Contains(g.Email.ToLower())).Select(g => g.Email).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var row in unmarked.Where(r => graduates.Contains(r.Email)))
        {
            row.BaliGraduate = true;
        }
    }
}
