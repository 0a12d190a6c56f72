using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Upon.Coaching;
using Upon.Core;
using Upon.Core.Equality;
using Upon.Data;
using Upon.Register;

namespace Upon.Aspirants;

public sealed record AspirantImportResult(IReadOnlyList<ImportError> Errors, int Rows, int Added, int Updated, bool CohortCreated, int ReviewersAdded = 0, int CriteriaAdded = 0)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// <c>upon aspirants import applications COHORT FILE.csv</c>: a past (or current) cohort's applications, all or nothing,
/// creating the cohort when it does not exist. An application already imported under the same <c>application_id</c>
/// is updated. The imported <c>eligible</c> and <c>outcome</c> are the record and win over the cohort's rules; the
/// equality columns go to the separate equality monitoring table.
/// </summary>
public sealed class ApplicationImporter(UponDbContext db, IClock clock, CoachingVocabulary vocabulary)
{
    public static readonly IReadOnlyList<string> Columns =
        ["application_id", "email", "given_name", "family_name", "la_code", "role_title", "years_senior", "submitted_at", "eligible", "outcome", "completed", "ethnicity", "sex", "disability"];

    private static readonly string[] Optional = ["ethnicity", "sex", "disability"];

    public async Task<AspirantImportResult> ImportAsync(string cohortName, TextReader reader, CancellationToken cancellationToken = default)
    {
        cohortName = cohortName.Trim();
        if (AspirantCohorts.CheckName(cohortName) is { } nameProblem)
        {
            return new AspirantImportResult([new ImportError(0, "COHORT", cohortName, nameProblem)], 0, 0, 0, false);
        }

        var (rows, errors) = CoachingCsv.Read(reader, Columns, Optional);
        if (errors.Count > 0) return new AspirantImportResult(errors, rows.Count, 0, 0, false);

        var authorities = await vocabulary.AuthorityCodesAsync(cancellationToken);
        var now = clock.GetCurrentInstant();
        var latest = now.Plus(Duration.FromDays(366));
        var earliest = Instant.FromUtc(PlausibleDates.Earliest.Year, 1, 1, 0, 0);
        var parsed = new List<(CsvRow Row, AspirantApplication Application, AspirantEqualityMonitoring? Equality)>();
        var seenIds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            void Error(string column, string reason) => errors.Add(new ImportError(row.Line, column, row[column], reason));

            foreach (var column in Columns.Where(c => ControlCharacters.Contains(row[c])))
            {
                Error(column, $"The {column} {ControlCharacters.Problem(row[column])}.");
            }

            var id = row["application_id"];
            if (id.Length == 0) Error("application_id", "Enter the application's id.");
            else if (id.Length > AspirantApplication.MaxApplicationIdLength) Error("application_id", $"An application id must be {AspirantApplication.MaxApplicationIdLength} characters or fewer.");
            else if (seenIds.TryGetValue(id, out var first)) Error("application_id", $"This application is already on line {first}.");
            else seenIds[id] = row.Line;

            var email = row["email"];
            if (!Shared.Text.EmailAddresses.IsValid(email)) Error("email", "Enter an email address in the correct format, like name@example.org.");
            foreach (var name in new[] { "given_name", "family_name" })
            {
                if (row[name].Length == 0) Error(name, name == "given_name" ? "Enter a given name." : "Enter a family name.");
                else if (row[name].Length > AspirantApplication.MaxNameLength) Error(name, $"Names must be {AspirantApplication.MaxNameLength} characters or fewer.");
            }

            string? authority = null;
            if (row["la_code"].Length > 0)
            {
                if (authorities.TryGetValue(row["la_code"], out var la)) authority = la;
                else Error("la_code", "This is not an authority Upon knows (use the DfE number or GSS code).");
            }

            if (row["role_title"].Length > AspirantApplication.MaxRoleTitleLength) Error("role_title", $"The role title must be {AspirantApplication.MaxRoleTitleLength} characters or fewer.");

            decimal? years = null;
            if (row["years_senior"].Length > 0)
            {
                if (decimal.TryParse(row["years_senior"], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var y) && y <= AspirantApplication.MaxYearsSenior && decimal.Round(y, 1) == y)
                {
                    years = y;
                }
                else
                {
                    Error("years_senior", $"Years in a senior role must be a number from 0 to {AspirantApplication.MaxYearsSenior}, with at most one decimal place (like 3 or 4.5).");
                }
            }

            Instant? submitted = null;
            var submittedText = row["submitted_at"];
            if (submittedText.Length == 0) Error("submitted_at", "Enter when the application was submitted, like 2025-01-13T14:02:00Z.");
            else
            {
                submitted = ParseInstant(submittedText);
                if (submitted is null) Error("submitted_at", "Enter a date and time in ISO 8601, like 2025-01-13T14:02:00Z.");
                else if (submitted < earliest || submitted > latest) Error("submitted_at", $"The date must be between 1 January {PlausibleDates.Earliest.Year} and a year from today.");
            }

            var eligible = YesNo(row["eligible"]);
            if (eligible is null) Error("eligible", "Enter yes or no.");

            SelectionOutcome? outcome = row["outcome"].ToLowerInvariant() switch
            {
                "" => null,
                "selected" => SelectionOutcome.Selected,
                "waiting" => SelectionOutcome.Waiting,
                "not_selected" => SelectionOutcome.NotSelected,
                "withdrawn" => SelectionOutcome.Withdrawn,
                _ => (SelectionOutcome)(-1),
            };
            if (outcome == (SelectionOutcome)(-1)) Error("outcome", "The outcome must be selected, waiting, not_selected, withdrawn or empty.");

            bool? completed = row["completed"].Length == 0 ? null : YesNo(row["completed"]);
            if (row["completed"].Length > 0 && completed is null) Error("completed", "Enter yes, no or leave it empty.");
            // Completion is a selected applicant's; a "no" beside another outcome says nothing more, so it is kept as not answered.
            if (completed == true && outcome != SelectionOutcome.Selected) Error("completed", "Only a selected applicant can have completed: enter no or leave it empty.");
            if (completed == false && outcome != SelectionOutcome.Selected) completed = null;

            var equality = ParseEquality(row, Error);

            if (errors.Count > 0) continue;
            parsed.Add((row, new AspirantApplication
            {
                ApplicationId = id,
                Email = email,
                GivenName = row["given_name"],
                FamilyName = row["family_name"],
                AuthorityCode = authority,
                RoleTitle = row["role_title"].Length > 0 ? row["role_title"] : null,
                YearsSenior = years,
                Status = ApplicationStatus.Submitted,
                SubmittedAt = submitted,
                CreatedAt = now,
                ImportedEligible = eligible,
                Outcome = outcome,
                // An imported record of a selected applicant is of someone who took the place.
                Offer = outcome == SelectionOutcome.Selected ? OfferStatus.Accepted : null,
                Completed = completed,
                Imported = true,
            }, equality));
        }

        if (errors.Count > 0) return new AspirantImportResult(errors, rows.Count, 0, 0, false);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var cohort = await db.AspirantCohorts.SingleOrDefaultAsync(c => c.Name == cohortName, cancellationToken);
        var created = cohort is null;
        if (cohort is null)
        {
            cohort = AspirantCohorts.Imported(cohortName, now);
            db.AspirantCohorts.Add(cohort);
            await db.SaveChangesAsync(cancellationToken);
        }

        var existing = (await db.AspirantApplications.Where(a => a.CohortId == cohort.Id).ToListAsync(cancellationToken))
            .ToDictionary(a => a.ApplicationId, StringComparer.Ordinal);
        var existingEquality = (await db.AspirantEqualityMonitoring.Where(e => e.CohortId == cohort.Id).ToListAsync(cancellationToken))
            .ToDictionary(e => e.ApplicationKey);
        int added = 0, updated = 0;
        var newEquality = new List<(AspirantApplication Application, AspirantEqualityMonitoring Equality)>();
        foreach (var (_, incoming, equality) in parsed)
        {
            if (existing.TryGetValue(incoming.ApplicationId, out var application))
            {
                application.Email = incoming.Email;
                application.GivenName = incoming.GivenName;
                application.FamilyName = incoming.FamilyName;
                application.AuthorityCode = incoming.AuthorityCode;
                application.RoleTitle = incoming.RoleTitle;
                application.YearsSenior = incoming.YearsSenior;
                application.Status = ApplicationStatus.Submitted;
                application.SubmittedAt = incoming.SubmittedAt;
                application.ImportedEligible = incoming.ImportedEligible;
                application.Outcome = incoming.Outcome;
                application.Offer = incoming.Offer;
                application.Completed = incoming.Completed;
                application.Imported = true;
                updated++;
                if (existingEquality.TryGetValue(application.Id, out var old))
                {
                    db.AspirantEqualityMonitoring.Remove(old);
                }
            }
            else
            {
                incoming.CohortId = cohort.Id;
                db.AspirantApplications.Add(incoming);
                application = incoming;
                added++;
            }
            if (equality is not null) newEquality.Add((application, equality));
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (application, equality) in newEquality)
        {
            equality.ApplicationKey = application.Id;
            equality.CohortId = cohort.Id;
            equality.UpdatedAt = now;
            db.AspirantEqualityMonitoring.Add(equality);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new AspirantImportResult([], rows.Count, added, updated, created);
    }

    private static Instant? ParseInstant(string text)
    {
        if (InstantPattern.ExtendedIso.Parse(text).TryGetValue(default, out var instant)) return instant;
        if (OffsetDateTimePattern.ExtendedIso.Parse(text).TryGetValue(default, out var offset)) return offset.ToInstant();
        return null;
    }

    private static bool? YesNo(string text) => text.ToLowerInvariant() switch
    {
        "yes" => true,
        "no" => false,
        _ => null,
    };

    private static AspirantEqualityMonitoring? ParseEquality(CsvRow row, Action<string, string> error)
    {
        string? ethnicity = null;
        var ethnicityPreferNot = false;
        var ethnicityText = row["ethnicity"];
        if (ethnicityText.Equals(PreferNotToSay, StringComparison.OrdinalIgnoreCase)) ethnicityPreferNot = true;
        else if (ethnicityText.Length > 0)
        {
            if (Ethnicity.TryFindChoice(ethnicityText.ToLowerInvariant(), out var group)) ethnicity = group.Code;
            else error("ethnicity", $"This is not one of DfE's ethnicity codes (as at /my/equality, like white-british or asian-indian), {PreferNotToSay} or empty.");
        }

        MonitoringSex? sex = row["sex"].ToLowerInvariant() switch
        {
            "" => null,
            "female" => MonitoringSex.Female,
            "male" => MonitoringSex.Male,
            PreferNotToSay => MonitoringSex.PreferNotToSay,
            _ => (MonitoringSex)(-1),
        };
        if (sex == (MonitoringSex)(-1)) error("sex", $"The sex must be female, male, {PreferNotToSay} or empty.");

        YesNoPreferNot? disabled = row["disability"].ToLowerInvariant() switch
        {
            "" => null,
            "yes" => YesNoPreferNot.Yes,
            "no" => YesNoPreferNot.No,
            PreferNotToSay => YesNoPreferNot.PreferNotToSay,
            _ => (YesNoPreferNot)(-1),
        };
        if (disabled == (YesNoPreferNot)(-1)) error("disability", $"The disability must be yes, no, {PreferNotToSay} or empty.");

        if (ethnicity is null && !ethnicityPreferNot && sex is null && disabled is null) return null;
        return new AspirantEqualityMonitoring
        {
            EthnicityCode = ethnicity,
            EthnicityPreferNotToSay = ethnicityPreferNot,
            Sex = sex,
            Disabled = disabled,
        };
    }

    private const string PreferNotToSay = "prefer-not-to-say";
}
