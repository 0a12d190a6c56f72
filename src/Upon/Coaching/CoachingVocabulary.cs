using Microsoft.EntityFrameworkCore;
using Upon.Core.Coaching;
using Upon.Data;

namespace Upon.Coaching;

/// <summary>The codes an import or a form may use: characteristics (fixed list and staff's additions) and authorities.</summary>
public sealed class CoachingVocabulary(UponDbContext db)
{
    /// <summary>The fixed list, then staff's additions by code.</summary>
    public async Task<IReadOnlyList<string>> CharacteristicsAsync(CancellationToken cancellationToken = default)
    {
        var extra = await db.CoachingCharacteristics.Select(c => c.Code).ToListAsync(cancellationToken);
        return [.. Characteristics.Standard, .. extra.Where(c => !Characteristics.Standard.Contains(c)).Order(StringComparer.Ordinal)];
    }

    /// <summary>How each characteristic is shown to people: the fixed list's wording, and the label staff gave each addition.</summary>
    public async Task<CharacteristicLabels> LabelsAsync(CancellationToken cancellationToken = default)
    {
        var added = await db.CoachingCharacteristics.AsNoTracking().Select(c => new { c.Code, c.Label }).ToListAsync(cancellationToken);
        return new CharacteristicLabels(added.Where(c => !Characteristics.Standard.Contains(c.Code)).ToDictionary(c => c.Code, c => c.Label, StringComparer.Ordinal));
    }

    /// <summary>DfE LA code for each DfE code and GSS code Upon knows (any case).</summary>
    public async Task<IReadOnlyDictionary<string, string>> AuthorityCodesAsync(CancellationToken cancellationToken = default)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var code in await db.Authorities.Select(a => a.Code).ToListAsync(cancellationToken)) map[code] = code;
        foreach (var gss in await db.AuthorityGssCodes.Select(g => new { g.Code, g.AuthorityCode }).ToListAsync(cancellationToken)) map.TryAdd(gss.Code, gss.AuthorityCode);
        return map;
    }
}

/// <summary>
/// Characteristics as people read them: "a woman" for the fixed list, the staff-given label for an addition. Slugs stay
/// for data (imports, CSV, the command line's JSON and the matching's reasons); every page and email uses this.
/// </summary>
public sealed class CharacteristicLabels(IReadOnlyDictionary<string, string> added)
{
    /// <summary>No additions: the fixed list's wording only.</summary>
    public static readonly CharacteristicLabels Standard = new(new Dictionary<string, string>());

    public string Describe(string code) => added.TryGetValue(code, out var label) ? label : Characteristics.Describe(code);
}
