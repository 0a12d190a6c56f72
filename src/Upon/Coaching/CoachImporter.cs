using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Core;
using Upon.Core.Coaching;
using Upon.Data;
using Upon.Register;

namespace Upon.Coaching;

public sealed record CoachImportResult(IReadOnlyList<ImportError> Errors, int Rows, int Added, int Updated, int Unchanged)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// <c>upon coaching import coaches</c>: adds or updates coach profiles by email address, all or nothing. The
/// characteristics in the file are the ones the coach consents to: new ones are recorded as consented today, ones no
/// longer listed are withdrawn today.
/// </summary>
public sealed class CoachImporter(UponDbContext db, IClock clock, CoachingVocabulary vocabulary)
{
    public async Task<CoachImportResult> ImportAsync(TextReader reader, CancellationToken cancellationToken = default)
    {
        var (rows, errors) = CoachingCsv.Read(reader, CoachingCsv.CoachColumns, optional: ["person_id"]);
        if (errors.Count > 0) return new CoachImportResult(errors, rows.Count, 0, 0, 0);

        var characteristics = await vocabulary.CharacteristicsAsync(cancellationToken);
        var authorities = await vocabulary.AuthorityCodesAsync(cancellationToken);
        var personIds = rows.Select(r => r["person_id"]).Where(p => p.Length > 0).Distinct().ToList();
        var people = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var chunk in personIds.Chunk(500))
        {
            foreach (var p in await db.People.Where(p => chunk.Contains(p.PersonId)).Select(p => new { p.PersonId, p.Id }).ToListAsync(cancellationToken))
            {
                people[p.PersonId] = p.Id;
            }
        }

        var parsed = new List<ParsedCoach>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            var before = errors.Count;
            void Error(string column, string reason) => errors.Add(new ImportError(row.Line, column, row[column], reason));

            var email = row["email"];
            CoachingCsv.CheckPerson(row, seen, "coach", Error);

            if (!int.TryParse(row["capacity"], NumberStyles.None, CultureInfo.InvariantCulture, out var capacity) || capacity > CoachProfile.MaxCapacity)
            {
                Error("capacity", $"The capacity must be a whole number from 0 to {CoachProfile.MaxCapacity}.");
            }

            var modes = row.List("modes");
            foreach (var mode in modes.Where(m => m is not (CoachingModes.Online or CoachingModes.InPerson)))
            {
                Error("modes", $"'{mode}' is not a mode: use online and in-person, separated by ';'.");
            }

            if (modes.Count == 0) Error("modes", "Enter at least one mode: online, in-person or both (online;in-person).");
            var inPerson = modes.Contains(CoachingModes.InPerson);
            var regions = row.List("regions").Select(r => r.ToUpperInvariant()).ToList();
            foreach (var region in regions.Where(r => !CoachingModes.IsRegionCode(r)))
            {
                Error("regions", $"'{region}' is not an English region code (E12000001 to E12000009).");
            }

            if (inPerson && regions.Count == 0) Error("regions", "Enter the region(s) where the coach works in person.");
            var chars = row.List("characteristics");
            foreach (var c in chars.Where(c => !characteristics.Contains(c)))
            {
                Error("characteristics", $"'{c}' is not a characteristic: use {string.Join(", ", characteristics)}.");
            }

            var kinds = new List<AuthorityKind>();
            foreach (var code in row.List("authority_types"))
            {
                if (AuthorityKinds.TryParse(code, out var kind)) kinds.Add(kind);
                else Error("authority_types", $"'{code}' is not a kind of authority: use {string.Join(", ", AuthorityKinds.AllCodes)}.");
            }

            var conflicts = new List<string>();
            foreach (var code in row.List("conflict_la_codes"))
            {
                if (authorities.TryGetValue(code, out var la)) conflicts.Add(la);
                else Error("conflict_la_codes", $"'{code}' is not an authority Upon knows (use the DfE number or GSS code).");
            }

            int? personKey = null;
            if (row["person_id"].Length > 0)
            {
                if (people.TryGetValue(row["person_id"], out var key)) personKey = key;
                else Error("person_id", "No one in the register has this identifier.");
            }

            if (errors.Count == before)
            {
                parsed.Add(new ParsedCoach(
                    email, row["given_name"], row["family_name"], capacity, modes.Contains(CoachingModes.Online), inPerson,
                    CoachingLists.Join(regions), [.. chars.Distinct()], CoachingLists.Join(kinds.Select(k => k.ToCode())), CoachingLists.Join(conflicts), personKey));
            }
        }

        if (errors.Count > 0) return new CoachImportResult(errors, rows.Count, 0, 0, 0);

        var today = clock.TodayInLondon();
        var existing = (await db.CoachProfiles.Include(c => c.Consents).ToListAsync(cancellationToken))
            .ToDictionary(c => c.Email, StringComparer.OrdinalIgnoreCase);
        int added = 0, updated = 0, unchanged = 0;
        foreach (var coach in parsed)
        {
            if (!existing.TryGetValue(coach.Email, out var profile))
            {
                profile = new CoachProfile { Email = coach.Email, GivenName = coach.GivenName, FamilyName = coach.FamilyName, CreatedAt = clock.GetCurrentInstant() };
                db.CoachProfiles.Add(profile);
                added++;
            }

            var changed = profile.GivenName != coach.GivenName || profile.FamilyName != coach.FamilyName || profile.Capacity != coach.Capacity
                || profile.OffersOnline != coach.Online || profile.OffersInPerson != coach.InPerson || profile.Regions != coach.Regions
                || profile.AuthorityKinds != coach.Kinds || profile.ConflictAuthorityCodes != coach.Conflicts || profile.PersonKey != coach.PersonKey;
            profile.GivenName = coach.GivenName;
            profile.FamilyName = coach.FamilyName;
            profile.Capacity = coach.Capacity;
            profile.OffersOnline = coach.Online;
            profile.OffersInPerson = coach.InPerson;
            profile.Regions = coach.Regions;
            profile.AuthorityKinds = coach.Kinds;
            profile.ConflictAuthorityCodes = coach.Conflicts;
            profile.PersonKey = coach.PersonKey;
            changed |= CoachConsents.Apply(profile, coach.Characteristics, today);
            if (profile.Id != 0)
            {
                if (changed) updated++;
                else unchanged++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return new CoachImportResult([], rows.Count, added, updated, unchanged);
    }

    private sealed record ParsedCoach(
        string Email, string GivenName, string FamilyName, int Capacity, bool Online, bool InPerson, string Regions,
        IReadOnlyList<string> Characteristics, string Kinds, string Conflicts, int? PersonKey);
}

/// <summary>Consent bookkeeping: what a coach consents to now becomes the consents in force from today.</summary>
public static class CoachConsents
{
    /// <summary>Records new consents and withdraws dropped ones; returns whether anything changed.</summary>
    public static bool Apply(CoachProfile profile, IReadOnlyCollection<string> wanted, LocalDate today)
    {
        var changed = false;
        foreach (var consent in profile.Consents.Where(c => c.WithdrawnOn is null && !wanted.Contains(c.Characteristic)))
        {
            consent.WithdrawnOn = today;
            changed = true;
        }

        foreach (var c in wanted.Where(c => !profile.Consents.Any(k => k.WithdrawnOn is null && k.Characteristic == c)))
        {
            profile.Consents.Add(new CoachConsent { Characteristic = c, GivenOn = today });
            changed = true;
        }

        return changed;
    }
}
