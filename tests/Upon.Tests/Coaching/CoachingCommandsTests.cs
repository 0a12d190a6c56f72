using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Coaching;

/// <summary><c>upon coaching import coaches|requests</c> and <c>upon coaching match</c> through the real executable.</summary>
public abstract class CoachingCommandsTests(DatabaseFixture fixture)
{
    public const string CoachHeader = "email,given_name,family_name,capacity,modes,regions,characteristics,authority_types,conflict_la_codes,person_id";
    public const string RequestHeader = "email,given_name,family_name,la_code,must,would_like,authority_type,mode,region,avoid";

    private Task<CliResult> ImportCoachesAsync(params string[] rows) =>
        UponCli.RunAsync(fixture.Database, "coaching", "import", "coaches", CsvFiles.Write(CsvFiles.Lines([CoachHeader, .. rows])));

    private Task<CliResult> ImportRequestsAsync(string round, params string[] rows) =>
        UponCli.RunAsync(fixture.Database, "coaching", "import", "requests", round, CsvFiles.Write(CsvFiles.Lines([RequestHeader, .. rows])));

    [SkippableFact]
    public async Task ImportCoaches_ValidFile_AddsThenLeavesUnchangedThenWithdrawsConsent()
    {
        fixture.RequireDatabase();
        var first = await ImportCoachesAsync(
            "imp-ada@coach.test,Ada,Obi,3,online;in-person,E12000001;E12000007,woman;global-majority,county;london,820;823,",
            "imp-bea@coach.test,Bea,Cole,1,online,,,,,");
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("2 coaches: 2 added, 0 updated, 0 unchanged.", first.Output, StringComparison.Ordinal);

        var again = await ImportCoachesAsync(
            "imp-ada@coach.test,Ada,Obi,3,online;in-person,E12000001;E12000007,woman;global-majority,county;london,820;823,",
            "imp-bea@coach.test,Bea,Cole,1,online,,,,,");
        Assert.Contains("2 coaches: 0 added, 0 updated, 2 unchanged.", again.Output, StringComparison.Ordinal);

        var withdrawn = await ImportCoachesAsync("imp-ada@coach.test,Ada,Obi,2,online;in-person,E12000001;E12000007,global-majority,county;london,820;823,");
        Assert.Contains("1 coaches: 0 added, 1 updated, 0 unchanged.", withdrawn.Output, StringComparison.Ordinal);

        await using var db = fixture.Database.CreateDbContext();
        var ada = await db.CoachProfiles.Include(c => c.Consents).SingleAsync(c => c.Email == "imp-ada@coach.test");
        Assert.Equal(2, ada.Capacity);
        Assert.True(ada.OffersOnline && ada.OffersInPerson);
        Assert.Equal("E12000001;E12000007", ada.Regions);
        Assert.Equal("county;london", ada.AuthorityKinds);
        Assert.Equal("820;823", ada.ConflictAuthorityCodes);
        Assert.NotNull(Assert.Single(ada.Consents, c => c.Characteristic == "woman").WithdrawnOn);
        Assert.Null(Assert.Single(ada.Consents, c => c.Characteristic == "global-majority").WithdrawnOn);
    }

    [SkippableFact]
    public async Task ImportCoaches_BadRows_NamesLineAndColumnAndWritesNothing()
    {
        fixture.RequireDatabase();
        var result = await ImportCoachesAsync(
            "bad-1@coach.test,Cal,Dee,4,online,,,,,",
            "bad-2@coach.test,Dan,Eze,many,online,,,,,",
            "bad-3@coach.test,Eve,Fox,2,in-person,,,,,",
            "bad-4@coach.test,Fay,Gee,2,online;carrier-pigeon,,tall,district,999,",
            "not-an-email,Gus,Hay,2,online,E12000010,,,,NO-SUCH-PERSON",
            "bad-1@coach.test,Cal,Dee,4,online,,,,,");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Line 3, column capacity ('many')", result.Error, StringComparison.Ordinal);
        Assert.Contains("Line 4, column regions: Enter the region(s) where the coach works in person.", result.Error, StringComparison.Ordinal);
        Assert.Contains("Line 5, column modes ('online;carrier-pigeon')", result.Error, StringComparison.Ordinal);
        Assert.Contains("Line 5, column characteristics ('tall')", result.Error, StringComparison.Ordinal);
        Assert.Contains("Line 5, column authority_types ('district')", result.Error, StringComparison.Ordinal);
        Assert.Contains("Line 5, column conflict_la_codes ('999')", result.Error, StringComparison.Ordinal);
        Assert.Contains("Line 6, column email ('not-an-email')", result.Error, StringComparison.Ordinal);
        Assert.Contains("Line 6, column regions ('E12000010')", result.Error, StringComparison.Ordinal);
        Assert.Contains("Line 6, column person_id ('NO-SUCH-PERSON'): No one in the register has this identifier.", result.Error, StringComparison.Ordinal);
        Assert.Contains("Line 7, column email ('bad-1@coach.test'): This coach is already on line 2.", result.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        await using var db = fixture.Database.CreateDbContext();
        Assert.False(await db.CoachProfiles.AnyAsync(c => c.Email.StartsWith("bad-")));
    }

    [SkippableFact]
    public async Task ImportRequests_BadRows_NamesLineAndWritesNothing()
    {
        fixture.RequireDatabase();
        Assert.Equal(0, (await ImportCoachesAsync("req-coach@coach.test,Ann,Lee,1,online,,,,,")).ExitCode);
        var result = await ImportRequestsAsync(
            "Bad round",
            "r1@p.test,Ria,One,820,woman,,,online,E12000001,",
            "r2@p.test,Rob,Two,820,woman,woman;lgbtq,,online,E12000001,",
            "r3@p.test,Rex,Three,820,,,,online,E12000001,someone@else.test",
            "r4@p.test,Roy,Four,820,,,,in-person,,req-coach@coach.test",
            "r5@p.test,Ray,Five,xyz,,,village,by-post,E12000001,");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Line 3, column would_like ('woman;lgbtq'): 'woman' is in both must and would_like", result.Error, StringComparison.Ordinal);
        Assert.Contains("Line 4, column avoid ('someone@else.test'): 'someone@else.test' is not a coach in the pool.", result.Error, StringComparison.Ordinal);
        Assert.Contains("Line 5, column region: Enter the participant's region for in-person coaching.", result.Error, StringComparison.Ordinal);
        Assert.Contains("Line 6, column la_code ('xyz')", result.Error, StringComparison.Ordinal);
        Assert.Contains("Line 6, column authority_type ('village')", result.Error, StringComparison.Ordinal);
        Assert.Contains("Line 6, column mode ('by-post')", result.Error, StringComparison.Ordinal);
        await using var db = fixture.Database.CreateDbContext();
        Assert.False(await db.MatchingRounds.AnyAsync(r => r.Name == "Bad round"));
        Assert.False(await db.Participants.AnyAsync(p => p.Email == "r1@p.test"));
    }

    [SkippableFact]
    public async Task Match_Json_PrintsTheOptimumWithReasonsInTheDocumentedShape()
    {
        fixture.RequireDatabase();
        Assert.Equal(0, (await ImportCoachesAsync(
            "json-ada@coach.test,Ada,Obi,1,online,,woman;care-experienced,county,,",
            "json-bea@coach.test,Bea,Cole,1,online;in-person,E12000001,care-experienced,london,823,")).ExitCode);
        var import = await ImportRequestsAsync(
            "JSON round",
            "json-p1@p.test,Pam,One,,care-experienced,woman,county,online,E12000002,",
            "json-p2@p.test,Pat,Two,820,care-experienced,,,in-person,E12000001,",
            "json-p3@p.test,Pip,Three,820,care-experienced,woman,,online,E12000001,");
        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Contains("3 requests: 3 added, 0 replaced; 3 new participants; round created.", import.Output, StringComparison.Ordinal);

        var result = await UponCli.RunAsync(fixture.Database, "coaching", "match", "JSON round", "--format", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal(["round", "matched", "totalScore", "pairs", "unmatched"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("JSON round", root.GetProperty("round").GetString());
        Assert.Equal(2, root.GetProperty("matched").GetInt32());
        Assert.Equal(17, root.GetProperty("totalScore").GetInt32());
        var pairs = root.GetProperty("pairs").EnumerateArray().ToList();
        Assert.Equal(["participant", "coach", "score", "reasons"], pairs[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            [("json-p1@p.test", "json-ada@coach.test", 14), ("json-p2@p.test", "json-bea@coach.test", 3)],
            pairs.Select(p => (p.GetProperty("participant").GetString(), p.GetProperty("coach").GetString(), p.GetProperty("score").GetInt32())));
        Assert.Equal(["Shares: woman (+10).", "Led a county (+4)."], pairs[0].GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        var unmatched = Assert.Single(root.GetProperty("unmatched").EnumerateArray());
        Assert.Equal(["participant", "reasons"], unmatched.EnumerateObject().Select(p => p.Name));
        Assert.Equal("json-p3@p.test", unmatched.GetProperty("participant").GetString());
        var reasons = unmatched.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).ToList();
        Assert.Contains("2 coaches share the 'must' characteristics (care-experienced), all 2 are full.", reasons);
        Assert.Contains("Would match them: raising Ada Obi's capacity by one.", reasons);
        Assert.Contains("Would match them: raising Bea Cole's capacity by one.", reasons);

        await using var db = fixture.Database.CreateDbContext();
        var round = await db.MatchingRounds.SingleAsync(r => r.Name == "JSON round");
        Assert.Equal(Upon.Coaching.RoundStatus.Pending, round.Status);
        Assert.Equal(3, await db.RoundProposals.CountAsync(p => p.RoundId == round.Id));
        // The reasons printed name the participants' wishes: the view is audited, as on the round page.
        var viewed = Assert.Single(await db.AuditEvents.Where(e => e.Action == Upon.Audit.AuditActions.Viewed && e.EntityType == nameof(Upon.Coaching.MatchingRound)
            && e.EntityId == round.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToListAsync());
        Assert.Contains("upon coaching match", viewed.Detail, StringComparison.Ordinal);
        Assert.StartsWith("command line", viewed.Actor, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Match_TheKindsOfAuthorityACoachLed_AreTheKindsTheyWereWhileTheyLedThem()
    {
        fixture.RequireDatabase();
        // Buckinghamshire (825) was a county until 31 March 2020 and has been a unitary authority since.
        var register = await UponCli.RunAsync(fixture.Database, "import", "appointments",
            CsvFiles.Write(CsvFiles.Lines(CsvFiles.Header, "825,BUCKS-COACH-1,Bo,Kay,permanent,2012-01-01,2016-12-31,retired,no")));
        Assert.True(register.ExitCode == 0, register.ToString());
        Assert.Equal(0, (await ImportCoachesAsync("bk-coach@coach.test,Bo,Kay,2,online,,,,,BUCKS-COACH-1")).ExitCode);
        var requests = await ImportRequestsAsync("Kinds round",
            "bk-p1@p.test,Pia,Unitary,,,,unitary,online,E12000002,",
            "bk-p2@p.test,Pat,County,,,,county,online,E12000002,");
        Assert.True(requests.ExitCode == 0, requests.ToString());

        var result = await UponCli.RunAsync(fixture.Database, "coaching", "match", "Kinds round", "--format", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        var reasons = json.RootElement.GetProperty("pairs").EnumerateArray().ToDictionary(
            p => p.GetProperty("participant").GetString()!, p => p.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).ToList());
        Assert.Contains("Led a county (+4).", reasons["bk-p2@p.test"]);
        Assert.DoesNotContain(reasons["bk-p1@p.test"], r => r!.Contains("unitary", StringComparison.OrdinalIgnoreCase));
    }

    [SkippableFact]
    public async Task Match_ALockedPairWhoseCoachIsNoLongerActive_IsDroppedAndSaidSo()
    {
        fixture.RequireDatabase();
        Assert.Equal(0, (await ImportCoachesAsync("dl-ada@coach.test,Ada,Dropped,1,online,,,,,")).ExitCode);
        Assert.Equal(0, (await ImportRequestsAsync("Dropped round", "dl-p1@p.test,Dot,Locked,,,,,online,E12000002,")).ExitCode);
        await using (var db = fixture.Database.CreateDbContext())
        {
            var round = await db.MatchingRounds.Include(r => r.Requests).SingleAsync(r => r.Name == "Dropped round");
            var coach = await db.CoachProfiles.SingleAsync(c => c.Email == "dl-ada@coach.test");
            db.RoundDecisions.Add(new Upon.Coaching.RoundDecision { RoundId = round.Id, RequestId = round.Requests.Single().Id, CoachId = coach.Id, Kind = Upon.Coaching.DecisionKind.Locked });
            coach.Status = Upon.Coaching.CoachStatus.Paused;
            await db.SaveChangesAsync();
        }

        const string Sentence = "The locked pair Dot Locked with Ada Dropped is not kept when the round runs: Ada Dropped is paused, and only active coaches are matched.";
        var table = await UponCli.RunAsync(fixture.Database, "coaching", "match", "Dropped round");
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.True(table.Output.Contains(Sentence, StringComparison.Ordinal), table.ToString());

        // In JSON the sentence goes to standard error, so that standard output stays the documented shape.
        var json = await UponCli.RunAsync(fixture.Database, "coaching", "match", "Dropped round", "--format", "json");
        Assert.True(json.ExitCode == 0, json.ToString());
        Assert.Contains(Sentence, json.Error, StringComparison.Ordinal);
        using var parsed = JsonDocument.Parse(json.Output);
        Assert.DoesNotContain(parsed.RootElement.GetProperty("pairs").EnumerateArray(), p => p.GetProperty("coach").GetString() == "dl-ada@coach.test");
    }

    [SkippableFact]
    public async Task Match_Table_PrintsPairsAndUnknownRoundIsAClearError()
    {
        fixture.RequireDatabase();
        Assert.Equal(0, (await ImportCoachesAsync("tab-ada@coach.test,Tia,Obi,1,online,,,,,")).ExitCode);
        Assert.Equal(0, (await ImportRequestsAsync("Table round", "tab-p1@p.test,Tom,One,,,,,online,E12000002,")).ExitCode);
        var table = await UponCli.RunAsync(fixture.Database, "coaching", "match", "Table round");
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("Round Table round: 1 of 1 matched", table.Output, StringComparison.Ordinal);
        Assert.Contains("tab-p1@p.test", table.Output, StringComparison.Ordinal);

        var missing = await UponCli.RunAsync(fixture.Database, "coaching", "match", "No such round");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("there is no round named 'No such round'", missing.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", missing.Error, StringComparison.Ordinal);
    }
}

public sealed class CoachingCommandsTests_Sqlite(SqliteDatabase fixture) : CoachingCommandsTests(fixture), IClassFixture<SqliteDatabase>;

public sealed class CoachingCommandsTests_Postgres(PostgresDatabase fixture) : CoachingCommandsTests(fixture), IClassFixture<PostgresDatabase>;
