using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Aspirants;
using Upon.Core.Register;
using Upon.Register;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Aspirants;

/// <summary><c>upon aspirants import applications|reviews</c> and <c>upon report aspirants</c> through the real executable.</summary>
public abstract class AspirantsCommandsTests(DatabaseFixture fixture)
{
    public const string ApplicationHeader = "application_id,email,given_name,family_name,la_code,role_title,years_senior,submitted_at,eligible,outcome,completed,ethnicity,sex,disability";
    public const string ReviewHeader = "application_id,reviewer_email,criterion,score";

    private Task<CliResult> ImportApplicationsAsync(string cohort, params string[] rows) =>
        UponCli.RunAsync(fixture.Database, "aspirants", "import", "applications", cohort, CsvFiles.Write(CsvFiles.Lines([ApplicationHeader, .. rows])));

    private Task<CliResult> ImportReviewsAsync(string cohort, params string[] rows) =>
        UponCli.RunAsync(fixture.Database, "aspirants", "import", "reviews", cohort, CsvFiles.Write(CsvFiles.Lines([ReviewHeader, .. rows])));

    /// <summary>
    /// The worked example (README): six applications, two reviewers. r1 reviews five (totals 10, 8, 7, 4, 6: mean 7,
    /// population SD 2), so is calibrated; r2 reviews two (8 and 3) and keeps raw totals.
    /// </summary>
    private async Task LoadWorkedExampleAsync(string cohort, string prefix)
    {
        var import = await ImportApplicationsAsync(cohort,
            $"{prefix}1,{prefix}-alum1@aspirant.test,Ann,One,820,Assistant Director,4,2021-01-13T14:02:00Z,yes,selected,yes,white-british,female,no",
            $"{prefix}2,{prefix}-two@aspirant.test,Bal,Two,823,Head of Service,3.5,2021-01-14T09:00:00Z,yes,selected,no,asian-indian,male,no",
            $"{prefix}3,{prefix}-three@aspirant.test,Cal,Three,,Director,5,2021-01-15T09:00:00+00:00,yes,waiting,,black-african,female,yes",
            $"{prefix}4,{prefix}-four@aspirant.test,Dee,Four,820,Assistant Director,6,2021-01-16T09:00:00Z,yes,not_selected,no,white-irish,male,prefer-not-to-say",
            $"{prefix}5,{prefix}-five@aspirant.test,Eve,Five,820,Manager,1,2021-01-17T09:00:00Z,no,,,prefer-not-to-say,,",
            $"{prefix}6,{prefix}-six@aspirant.test,Fay,Six,823,Assistant Director,3,2021-01-18T09:00:00Z,yes,selected,yes,,,");
        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Contains("6 applications: 6 added, 0 updated; cohort created.", import.Output, StringComparison.Ordinal);

        string[] Review(string app, string reviewer, int leadership, int vision) =>
            [$"{prefix}{app},{reviewer},Leadership,{leadership}", $"{prefix}{app},{reviewer},Vision,{vision}"];
        var reviews = await ImportReviewsAsync(cohort,
        [
            .. Review("1", $"{prefix}-r1@review.test", 5, 5), .. Review("2", $"{prefix}-r1@review.test", 4, 4), .. Review("3", $"{prefix}-r1@review.test", 3, 4),
            .. Review("4", $"{prefix}-r1@review.test", 2, 2), .. Review("6", $"{prefix}-r1@review.test", 3, 3),
            .. Review("1", $"{prefix}-r2@review.test", 4, 4), .. Review("2", $"{prefix}-r2@review.test", 1, 2),
        ]);
        Assert.True(reviews.ExitCode == 0, reviews.ToString());
        Assert.Contains("14 scores: 7 reviews added, 0 replaced; 2 new reviewers; 2 new criteria.", reviews.Output, StringComparison.Ordinal);

        // Ann (application 1) became a director in 2023: the register has her under the same email.
        await using var db = fixture.Database.CreateDbContext();
        var person = new Person { PersonId = $"{prefix}-P1", GivenName = "Ann", FamilyName = "One", Email = $"{prefix.ToUpperInvariant()}-ALUM1@aspirant.test" };
        db.People.Add(person);
        await db.SaveChangesAsync();
        db.Appointments.Add(new Appointment { AuthorityCode = "821", PersonKey = person.Id, Type = AppointmentType.Permanent, StartDate = new LocalDate(2023, 4, 1) });
        await db.SaveChangesAsync();
    }

    [SkippableFact]
    public async Task Report_Json_WorkedExample_GivesTheFunnelScoresAndRanks()
    {
        fixture.RequireDatabase();
        await LoadWorkedExampleAsync("2021-22", "W");
        var result = await UponCli.RunAsync(fixture.Database, "report", "aspirants", "--cohort", "2021-22", "--format", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal(["cohort", "stages", "relativeLikelihood", "applications"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2021-22", root.GetProperty("cohort").GetString());

        var stages = root.GetProperty("stages").EnumerateArray().ToDictionary(s => s.GetProperty("stage").GetString()!);
        Assert.Equal(["applied", "eligible", "reviewed", "selected", "accepted", "completed", "becameDcs"], stages.Keys);
        void Stage(string stage, int total, int white, int globalMajority, int unknown)
        {
            var s = stages[stage];
            Assert.Equal(["stage", "total", "byGroup"], s.EnumerateObject().Select(p => p.Name));
            Assert.Equal(total, s.GetProperty("total").GetInt32());
            var g = s.GetProperty("byGroup");
            Assert.Equal(["white", "globalMajority", "unknown"], g.EnumerateObject().Select(p => p.Name));
            Assert.Equal((white, globalMajority, unknown), (g.GetProperty("white").GetInt32(), g.GetProperty("globalMajority").GetInt32(), g.GetProperty("unknown").GetInt32()));
        }
        Stage("applied", 6, 2, 2, 2);
        Stage("eligible", 5, 2, 2, 1);
        Stage("reviewed", 5, 2, 2, 1);
        Stage("selected", 3, 1, 1, 1);
        Stage("accepted", 3, 1, 1, 1);
        Stage("completed", 2, 1, 0, 1);
        Stage("becameDcs", 1, 1, 0, 0);

        var likelihood = root.GetProperty("relativeLikelihood");
        Assert.Equal(1, likelihood.GetProperty("applied").GetDouble(), 9);
        Assert.Equal(1, likelihood.GetProperty("selected").GetDouble(), 9);
        Assert.Equal(JsonValueKind.Null, likelihood.GetProperty("completed").ValueKind);
        Assert.Equal(JsonValueKind.Null, likelihood.GetProperty("becameDcs").ValueKind);

        // Cohort: totals 10, 8, 7, 4, 6 (r1) and 8, 3 (r2); r1's z-scores are (total - 7) / 2.
        double[] totals = [10, 8, 7, 4, 6, 8, 3];
        var mean = totals.Average();
        var sd = Math.Sqrt(totals.Sum(t => (t - mean) * (t - mean)) / totals.Length);
        double R1(double total) => mean + (total - 7) / 2 * sd;
        var apps = root.GetProperty("applications").EnumerateArray().ToList();
        Assert.Equal(["W1", "W3", "W6", "W2", "W4", "W5"], apps.Select(a => a.GetProperty("applicationId").GetString()));
        Assert.Equal(["applicationId", "rawScore", "score", "rank", "flagged"], apps[0].EnumerateObject().Select(p => p.Name));
        var byId = apps.ToDictionary(a => a.GetProperty("applicationId").GetString()!);
        Assert.Equal(9, byId["W1"].GetProperty("rawScore").GetDouble(), 9);
        Assert.Equal((R1(10) + 8) / 2, byId["W1"].GetProperty("score").GetDouble(), 9);
        Assert.Equal((R1(8) + 3) / 2, byId["W2"].GetProperty("score").GetDouble(), 9);
        Assert.Equal(R1(4), byId["W4"].GetProperty("score").GetDouble(), 9);
        Assert.Equal([1, 2, 3, 4, 5], apps.Take(5).Select(a => a.GetProperty("rank").GetInt32()));
        // W2's raw totals 8 and 3 differ by 5, more than a third of the range (4 × 2 = 8); W1's 10 and 8 do not.
        Assert.True(byId["W2"].GetProperty("flagged").GetBoolean());
        Assert.False(byId["W1"].GetProperty("flagged").GetBoolean());
        Assert.Equal(JsonValueKind.Null, byId["W5"].GetProperty("rawScore").ValueKind);
        Assert.Equal(JsonValueKind.Null, byId["W5"].GetProperty("score").ValueKind);
        Assert.Equal(JsonValueKind.Null, byId["W5"].GetProperty("rank").ValueKind);

        await using var db = fixture.Database.CreateDbContext();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.EntityType == nameof(AspirantEqualityMonitoring) && e.Action == Upon.Audit.AuditActions.Viewed));
    }

    [SkippableFact]
    public async Task Report_CsvAndTable_AndUnknownCohortIsAClearError()
    {
        fixture.RequireDatabase();
        await LoadWorkedExampleAsync("2022-23", "C");
        var csv = await UponCli.RunAsync(fixture.Database, "report", "aspirants", "--cohort", "2022-23", "--format", "csv");
        Assert.True(csv.ExitCode == 0, csv.ToString());
        Assert.StartsWith("stage,total,white,global_majority,unknown,relative_likelihood\r\napplied,6,2,2,2,1\r\n", csv.Output, StringComparison.Ordinal);
        Assert.Contains("application_id,raw_score,score,rank,tied,flagged\r\nC1,9,", csv.Output, StringComparison.Ordinal);

        var table = await UponCli.RunAsync(fixture.Database, "report", "aspirants", "--cohort", "2022-23");
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("becameDcs", table.Output, StringComparison.Ordinal);
        Assert.Contains("C4", table.Output, StringComparison.Ordinal);

        var missing = await UponCli.RunAsync(fixture.Database, "report", "aspirants", "--cohort", "1999-00");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("there is no cohort named '1999-00'", missing.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", missing.Error, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ImportApplications_BadRows_NamesLineAndColumnAndWritesNothing()
    {
        fixture.RequireDatabase();
        var result = await ImportApplicationsAsync("2019-bad",
            "B1,b1@aspirant.test,Ann,One,820,AD,4,2021-01-13T14:02:00Z,yes,selected,yes,white-british,female,no",
            "B2,not-an-email,Bal,Two,999,AD,lots,13/01/2021,maybe,hired,,purple,other,sometimes",
            "B3,b3@aspirant.test,,Three,820,AD,99,1899-01-01T00:00:00Z,no,waiting,yes,white,,",
            "B1,b4@aspirant.test,Dee,Four,820,AD,4,2021-01-13T14:02:00Z,yes,,,,,");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Line 3, column email ('not-an-email')", result.Error, StringComparison.Ordinal);
        Assert.Contains("Line 3, column la_code ('999')", result.Error, StringComparison.Ordinal);
        Assert.Contains("Line 3, column years_senior ('lots')", result.Error, StringComparison.Ordinal);
        Assert.Contains("Line 3, column submitted_at ('13/01/2021')", result.Error, StringComparison.Ordinal);
        Assert.Contains("Line 3, column eligible ('maybe'): Enter yes or no.", result.Error, StringComparison.Ordinal);
        Assert.Contains("Line 3, column outcome ('hired')", result.Error, StringComparison.Ordinal);
        Assert.Contains("Line 3, column ethnicity ('purple')", result.Error, StringComparison.Ordinal);
        Assert.Contains("Line 3, column sex ('other')", result.Error, StringComparison.Ordinal);
        Assert.Contains("Line 3, column disability ('sometimes')", result.Error, StringComparison.Ordinal);
        Assert.Contains("Line 4, column given_name: Enter a given name.", result.Error, StringComparison.Ordinal);
        Assert.Contains("Line 4, column years_senior ('99')", result.Error, StringComparison.Ordinal);
        Assert.Contains("Line 4, column submitted_at ('1899-01-01T00:00:00Z')", result.Error, StringComparison.Ordinal);
        Assert.Contains("Line 4, column completed ('yes'): Only a selected applicant", result.Error, StringComparison.Ordinal);
        // A major-group-only code is what an erasure leaves, not an answer anyone gave.
        Assert.Contains("Line 4, column ethnicity ('white')", result.Error, StringComparison.Ordinal);
        Assert.Contains("Line 5, column application_id ('B1'): This application is already on line 2.", result.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        await using var db = fixture.Database.CreateDbContext();
        Assert.False(await db.AspirantCohorts.AnyAsync(c => c.Name == "2019-bad"));
    }

    [SkippableFact]
    public async Task ImportReviews_BadRows_NamesLineAndColumnAndWritesNothing()
    {
        fixture.RequireDatabase();
        Assert.Equal(0, (await ImportApplicationsAsync("2020-21", "R1,r1@aspirant.test,Ann,One,820,AD,4,2020-01-13T14:02:00Z,yes,selected,,,,")).ExitCode);
        var result = await ImportReviewsAsync("2020-21",
            "R1,rev@review.test,Leadership,5",
            "R1,rev@review.test,Vision,6",
            "R9,rev@review.test,Leadership,3",
            "R1,not-an-email,Leadership,3",
            "R1,rev@review.test,Leadership,4");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Line 3, column score ('6'): The score must be a whole number from 1 to 5.", result.Error, StringComparison.Ordinal);
        Assert.Contains("Line 4, column application_id ('R9')", result.Error, StringComparison.Ordinal);
        Assert.Contains("Line 5, column reviewer_email ('not-an-email')", result.Error, StringComparison.Ordinal);
        Assert.Contains("Line 6, column criterion ('Leadership'): This reviewer's score for this criterion of this application is already on line 2.", result.Error, StringComparison.Ordinal);

        var incomplete = await ImportReviewsAsync("2020-21", "R1,rev@review.test,Leadership,5", "R1,other@review.test,Vision,3");
        Assert.Equal(1, incomplete.ExitCode);
        Assert.Contains("Line 2, column criterion ('Leadership'): The review of R1 by rev@review.test has no score for Vision", incomplete.Error, StringComparison.Ordinal);

        var noCohort = await ImportReviewsAsync("1990-91", "R1,rev@review.test,Leadership,5");
        Assert.Equal(1, noCohort.ExitCode);
        Assert.Contains("There is no cohort with this name: import its applications first.", noCohort.Error, StringComparison.Ordinal);

        await using var db = fixture.Database.CreateDbContext();
        Assert.False(await db.AspirantReviewers.AnyAsync(r => r.Email == "rev@review.test"));
        Assert.False(await db.AspirantCriteria.AnyAsync(c => c.Cohort!.Name == "2020-21"));
    }

    [SkippableFact]
    public async Task ImportApplications_Again_UpdatesAndImportedRecordWins()
    {
        fixture.RequireDatabase();
        Assert.Equal(0, (await ImportApplicationsAsync("2023-24", "U1,u1@aspirant.test,Ann,One,820,AD,1,2023-01-13T14:02:00Z,yes,,,,,")).ExitCode);
        var again = await ImportApplicationsAsync("2023-24", "U1,u1@aspirant.test,Ann,Oneill,820,AD,1,2023-01-13T14:02:00Z,yes,withdrawn,,asian-chinese,female,yes");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("1 applications: 0 added, 1 updated.", again.Output, StringComparison.Ordinal);
        await using var db = fixture.Database.CreateDbContext();
        var application = await db.AspirantApplications.SingleAsync(a => a.ApplicationId == "U1" && a.Cohort!.Name == "2023-24");
        Assert.Equal("Oneill", application.FamilyName);
        Assert.Equal(SelectionOutcome.Withdrawn, application.Outcome);
        var equality = await db.AspirantEqualityMonitoring.SingleAsync(e => e.ApplicationKey == application.Id);
        Assert.Equal("asian-chinese", equality.EthnicityCode);
        Assert.Equal(YesNoPreferNot.Yes, equality.Disabled);

        // One year in a senior role fails the default rule of three, but the imported record says eligible.
        var report = await UponCli.RunAsync(fixture.Database, "report", "aspirants", "--cohort", "2023-24", "--format", "json");
        using var json = JsonDocument.Parse(report.Output);
        Assert.Equal(1, json.RootElement.GetProperty("stages")[1].GetProperty("total").GetInt32());
    }

    [SkippableFact]
    public async Task DfeReturn_CountsApplications_Selected_Completed_AndAlumniAppointed_InTheirPeriods()
    {
        fixture.RequireDatabase();
        var import = await ImportApplicationsAsync("2018-19",
            "D1,d1@aspirant.test,Ann,One,820,AD,4,2018-06-10T09:00:00Z,yes,selected,yes,,,",
            "D2,d2@aspirant.test,Bal,Two,820,AD,4,2018-06-11T09:00:00Z,yes,selected,no,,,",
            "D3,d3@aspirant.test,Cal,Three,820,AD,4,2018-07-02T09:00:00Z,yes,not_selected,,,,");
        Assert.True(import.ExitCode == 0, import.ToString());
        await using (var db = fixture.Database.CreateDbContext())
        {
            var person = new Person { PersonId = "D-P1", GivenName = "Ann", FamilyName = "One", Email = "D1@aspirant.test" };
            db.People.Add(person);
            await db.SaveChangesAsync();
            db.Appointments.Add(new Appointment { AuthorityCode = "822", PersonKey = person.Id, Type = AppointmentType.Permanent, StartDate = new LocalDate(2019, 9, 2) });
            await db.SaveChangesAsync();
        }

        async Task<double> FigureAsync(string period, string key)
        {
            var result = await UponCli.RunAsync(fixture.Database, "report", "dfe-return", "--period", period, "--format", "json");
            Assert.True(result.ExitCode == 0, result.ToString());
            using var json = JsonDocument.Parse(result.Output);
            return json.RootElement.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("figures").EnumerateArray())
                .Single(f => f.GetProperty("key").GetString() == key).GetProperty("thisPeriod").GetDouble();
        }

        // Submitted in 2018-19 Q1 and Q2; an imported cohort's decisions count on its last submission (Q2); a cohort
        // without an end date or taught days ends on 31 March of the year its name gives (Q4); Ann, who completed,
        // became a director in 2019-20 Q2.
        Assert.Equal(2, await FigureAsync("2018-19-Q1", ReturnAspirantsSection.Applications));
        Assert.Equal(1, await FigureAsync("2018-19-Q2", ReturnAspirantsSection.Applications));
        Assert.Equal(0, await FigureAsync("2018-19-Q1", ReturnAspirantsSection.Selected));
        Assert.Equal(2, await FigureAsync("2018-19-Q2", ReturnAspirantsSection.Selected));
        Assert.Equal(1, await FigureAsync("2018-19-Q4", ReturnAspirantsSection.Completed));
        Assert.Equal(3, await FigureAsync("2018-19", ReturnAspirantsSection.Applications));
        Assert.Equal(1, await FigureAsync("2019-20-Q2", ReturnAspirantsSection.BecameDcs));
        Assert.Equal(0, await FigureAsync("2019-20-Q1", ReturnAspirantsSection.BecameDcs));
    }
}

public sealed class AspirantsCommandsTests_Sqlite(SqliteDatabase fixture) : AspirantsCommandsTests(fixture), IClassFixture<SqliteDatabase>;

public sealed class AspirantsCommandsTests_Postgres(PostgresDatabase fixture) : AspirantsCommandsTests(fixture), IClassFixture<PostgresDatabase>;
