using Microsoft.EntityFrameworkCore;
using Upon.Data;
using Upon.Shared.Privacy;

namespace Upon.Register;

/// <summary>What the register holds about a person: their record as a director (by its email address) and their appointments.</summary>
public sealed class RegisterPersonalData(UponDbContext db) : IPersonalDataProvider
{
    public string Feature => "The register of directors";

    public IReadOnlyList<string> Tables { get; } = ["people", "appointments"];

    public async Task<IReadOnlyList<PersonalRows>> FindAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var lower = subject.LowerEmail;
#pragma warning disable CA1862 // EF Core translates ToLower() to SQL.
        var people = await db.People.Where(p => p.Email != null && p.Email.ToLower() == lower).ToListAsync(cancellationToken);
#pragma warning restore CA1862
        return await RowsAsync(db, people, cancellationToken);
    }

    /// <summary>Register records and their appointments, for any feature that finds a person's register record another way.</summary>
    public static async Task<IReadOnlyList<PersonalRows>> RowsAsync(UponDbContext db, List<Person> people, CancellationToken cancellationToken)
    {
        var keys = people.Select(p => p.Id).ToList();
        return
        [
            new("people", people),
            new("appointments", await db.Appointments.Where(a => keys.Contains(a.PersonKey)).ToListAsync(cancellationToken)),
        ];
    }

    /// <summary>The register is kept while it is kept: nothing in it is due by date.</summary>
    public Task<IReadOnlyList<RetentionDue>> FindRetentionDueAsync(RetentionContext context, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RetentionDue>>([]);
}
