using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Core;
using Upon.Core.Register;
using Upon.Data;
using Upon.Register;
using Upon.Sessions;

namespace Upon.Demo;

/// <summary>
/// Creates the made-up register used for demonstrations: invented people over the real authorities, calibrated to
/// ADCS's published counts of DCS changes. Only <c>upon demo</c> and the web app's first start on an empty database call it.
/// </summary>
public sealed class DemoData(UponDbContext db, IClock clock, Upon.Accounts.AccountService accounts, DemoProgramme programme, CoachingDemo coaching, AspirantsDemo aspirants, FeedbackDemo feedback, RetentionDemo retention, EqualityDemo equality, IConfiguration configuration, ILogger<DemoData> logger)
{
    /// <summary>The one seed of the demo register and the demo programme (separate streams of <see cref="DemoRandom"/>).</summary>
    public const int Seed = 2026;

    /// <summary>The demo accounts, one per role, all with the password in <c>Demo:Password</c>.</summary>
    public static readonly IReadOnlyList<(string Email, string Role, string Name)> Accounts =
    [
        ("admin@upon.test", Upon.Shared.Security.Roles.Administrator, "Demo Administrator"),
        ("partner@upon.test", Upon.Shared.Security.Roles.PartnerStaff, "Demo Partner"),
        ("coach@upon.test", Upon.Shared.Security.Roles.Coach, "Demo Coach"),
        ("participant@upon.test", Upon.Shared.Security.Roles.Participant, "Demo Participant"),
        ("funder@upon.test", Upon.Shared.Security.Roles.Funder, "Demo Funder"),
    ];

    public async Task<bool> CreateIfEmptyAsync(CancellationToken cancellationToken = default)
    {
        // Plain queries: on a start that finds a register, the first EF Core query is left to the first request that needs one.
        if (await db.ExistsAsync(TableMap.Of<Appointment>(db.Model).Table, [], cancellationToken)
            || await db.ExistsAsync(TableMap.Of<Person>(db.Model).Table, [], cancellationToken))
        {
            return false;
        }
        var authorities = await db.Authorities.AsNoTracking().Include(a => a.GssCodes).ToListAsync(cancellationToken);
        var references = authorities.Select(a => new AuthorityReference(a.Code, a.Name, a.RegionCode, a.Period,
            [.. a.GssCodes.Select(g => new GssCode(g.Code, g.Name, g.RegionCode, g.ValidFrom, g.ValidTo))])).ToList();
        var register = DemoRegisterGenerator.Generate(references, clock.TodayInLondon(), Seed);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var people = register.People.ToDictionary(
            p => p.PersonId,
            p => new Person { PersonId = p.PersonId, GivenName = p.GivenName, FamilyName = p.FamilyName, Email = p.Email });
        db.People.AddRange(people.Values);
        await db.SaveChangesAsync(cancellationToken);
        db.Appointments.AddRange(register.Appointments.Select(a => new Appointment
        {
            AuthorityCode = a.AuthorityCode,
            PersonKey = people[a.PersonId].Id,
            Type = a.Type,
            StartDate = a.Start,
            EndDate = a.End,
            LeavingReason = a.LeavingReason,
            Unplanned = a.Unplanned,
            RecordedOn = DemoRecordedDates.For(a.PersonId, a.Start, clock.TodayInLondon()),
        }));
        await db.SaveChangesAsync(cancellationToken);
        await CreateAccountsAsync();
        await programme.CreateAsync(cancellationToken);
        await coaching.CreateAsync(cancellationToken);
        await feedback.CreateAsync(cancellationToken);
        await retention.CreateAsync(cancellationToken);
        await aspirants.CreateAsync(cancellationToken);
        await equality.CreateAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// What the web app prints at every start while the demo accounts exist: where their password comes from and how to
    /// set a new one; null when there are none.
    /// </summary>
    public async Task<string?> PasswordHintAsync(CancellationToken cancellationToken = default)
    {
        var users = TableMap.Of<Upon.Accounts.UponUser>(db.Model, nameof(Upon.Accounts.UponUser.NormalizedEmail));
        var emails = Accounts.Select(a => (object)a.Email.ToUpperInvariant()).ToList();
        if (!await db.ExistsAsync($"{users.Table} WHERE {users.Columns[0]} IN ({ConnectionUse.ValueNames("v", emails.Count)})", emails, cancellationToken))
        {
            return null;
        }
        return $"Demo accounts ({string.Join(", ", Accounts.Select(a => a.Email))}): their password is the Demo:Password setting " +
            "when the demo data was created, or, if that was not set, the one printed then. To set a new password for one, run " +
            $"`upon users reset-password {Accounts[0].Email}` (from the source: `dotnet run --project src/Upon -- users reset-password {Accounts[0].Email}`) " +
            "and open the link it prints.";
    }

    private async Task CreateAccountsAsync()
    {
        var password = configuration["Demo:Password"];
        if (string.IsNullOrWhiteSpace(password))
        {
            password = $"demo-{Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8)).ToLowerInvariant()}";
            // Printed, not logged: the operator needs it once to sign in to a demo.
            Console.WriteLine($"Demo accounts ({string.Join(", ", Accounts.Select(a => a.Email))}) have the password: {password} (generated because Demo:Password is not set)");
        }
        foreach (var (email, role, name) in Accounts)
        {
            if (await db.Users.AnyAsync(u => u.Email == email))
            {
                continue;
            }
            await accounts.CreateWithPasswordAsync(email, role, password, name);
        }
        logger.LogInformation("Created {Count} demo accounts", Accounts.Count);
    }
}
