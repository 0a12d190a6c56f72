using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Upon.Core.Sessions;
using Upon.Data;
using Upon.Sessions;
using Upon.Shared.Security;
using Upon.Tests.Infrastructure;

namespace Upon.Tests;

/// <summary>
/// <see cref="SetUpCheck"/> says a database is set up only when every set-up step would find its data in place: take away
/// any one thing a step makes and the check says no, so the next start runs the steps and puts it back.
/// </summary>
public abstract class SetUpCheckTests(UponApp app)
{
    private Task<bool> IsCompleteAsync() =>
        app.WithScopeAsync(s => SetUpCheck.IsCompleteAsync(s.GetRequiredService<UponDbContext>()));

    public static TheoryData<string> Parts => ["a role", "a standing strand", "the standard feedback form", "the authorities", "the bank holidays", "the workforce figures"];

    [SkippableFact]
    public async Task AStartedDatabase_IsSetUp()
    {
        app.RequireDatabase();

        Assert.True(await IsCompleteAsync());
    }

    [SkippableFact]
    public async Task AMigratedDatabase_IsNotSetUp()
    {
        app.RequireDatabase();
        await using var database = await TestDatabase.CreateMigratedAsync(app.Provider);
        await using var db = database.CreateDbContext();

        Assert.False(await SetUpCheck.IsCompleteAsync(db));
    }

    [SkippableTheory]
    [MemberData(nameof(Parts))]
    public async Task WithoutAnyPart_IsNotSetUp_AndTheNextStartPutsItBack(string part)
    {
        app.RequireDatabase();
        await app.WithDbAsync(db => TakeAwayAsync(db, part));

        Assert.False(await IsCompleteAsync());

        await app.Services.InitialiseAsync(createDemoDataWhenEmpty: false);
        Assert.True(await IsCompleteAsync());
    }

    private static async Task TakeAwayAsync(UponDbContext db, string part)
    {
        switch (part)
        {
            case "a role":
                await db.Roles.Where(r => r.Name == Roles.Funder).ExecuteDeleteAsync();
                break;
            case "a standing strand":
                await db.Strands.Where(s => s.Slug == StrandSetup.AspirantDirectorsSlug).ExecuteDeleteAsync();
                break;
            case "the standard feedback form":
                // Given a session type, the form is no longer the one for every session.
                await db.FeedbackForms.Where(f => f.StrandId == null && f.SessionType == null)
                    .ExecuteUpdateAsync(f => f.SetProperty(x => x.SessionType, SessionType.Residential));
                break;
            case "the authorities":
                await db.AuthorityGssCodes.ExecuteDeleteAsync();
                await db.Authorities.ExecuteDeleteAsync();
                break;
            case "the bank holidays":
                await db.BankHolidays.ExecuteDeleteAsync();
                break;
            case "the workforce figures":
                await db.WorkforceEthnicity.ExecuteDeleteAsync();
                await db.CensusEthnicity.ExecuteDeleteAsync();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(part), part, null);
        }
    }
}

public sealed class SetUpCheckTests_Sqlite(SqliteApp app) : SetUpCheckTests(app), IClassFixture<SqliteApp>;

public sealed class SetUpCheckTests_Postgres(PostgresApp app) : SetUpCheckTests(app), IClassFixture<PostgresApp>;
