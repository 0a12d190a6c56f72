using System.Data.Common;
using NodaTime;
using Upon.Data.Mappings;
using Upon.Register;

namespace Upon.Data;

/// <summary>
/// Reads whole tables the import checks against (the authorities, the register's people and appointments), untracked,
/// with one plain query each in the session's transaction (<see cref="BulkSession"/>: the context's, or the import's own);
/// column names come from the session's maps, as the <see cref="BulkWriter"/>'s do. An EF Core query costs a process about 0.2 s the first time (its query pipeline made
/// ready, then each query compiled), more than the rest of <c>upon import appointments</c> of a small file; an import
/// through this reader makes no EF query at all unless it records an appointment that could call for an invitation.
/// </summary>
public sealed class BulkReader(BulkSession session)
{
    public BulkReader(UponDbContext db)
        : this(new BulkSession(db))
    {
    }

    /// <summary>Every authority with its GSS codes, in the order of their keys (as EF's <c>Include</c> reads them).</summary>
    public async Task<List<Authority>> AuthoritiesAsync(CancellationToken cancellationToken)
    {
        var authorities = await ReadAsync(
            session.Map<Authority>(nameof(Authority.Code), nameof(Authority.Name), nameof(Authority.RegionCode),
                nameof(Authority.OperatingFrom), nameof(Authority.OperatingTo)),
            orderBy: [0],
            r => new Authority
            {
                Code = r.GetString(0),
                Name = r.GetString(1),
                RegionCode = r.GetString(2),
                OperatingFrom = Date(r, 3),
                OperatingTo = Date(r, 4),
            },
            cancellationToken);
        var byCode = authorities.ToDictionary(a => a.Code, StringComparer.Ordinal);
        var codes = await ReadAsync(
            session.Map<AuthorityGssCode>(nameof(AuthorityGssCode.Code), nameof(AuthorityGssCode.AuthorityCode), nameof(AuthorityGssCode.Name),
                nameof(AuthorityGssCode.RegionCode), nameof(AuthorityGssCode.ValidFrom), nameof(AuthorityGssCode.ValidTo)),
            orderBy: [1, 0, 4],
            r => new AuthorityGssCode
            {
                Code = r.GetString(0),
                AuthorityCode = r.GetString(1),
                Name = r.GetString(2),
                RegionCode = r.GetString(3),
                ValidFrom = Date(r, 4)!.Value,
                ValidTo = Date(r, 5),
            },
            cancellationToken);
        foreach (var code in codes)
        {
            byCode[code.AuthorityCode].GssCodes.Add(code);
        }
        return authorities;
    }

    public Task<List<Person>> PeopleAsync(CancellationToken cancellationToken) => ReadAsync(
        session.Map<Person>(nameof(Person.Id), nameof(Person.PersonId), nameof(Person.GivenName), nameof(Person.FamilyName), nameof(Person.Email)),
        orderBy: [],
        r => new Person
        {
            Id = r.GetInt32(0),
            PersonId = r.GetString(1),
            GivenName = r.GetString(2),
            FamilyName = r.GetString(3),
            Email = r.IsDBNull(4) ? null : r.GetString(4),
        },
        cancellationToken);

    public Task<List<Appointment>> AppointmentsAsync(CancellationToken cancellationToken) => ReadAsync(
        session.Map<Appointment>(nameof(Appointment.Id), nameof(Appointment.AuthorityCode), nameof(Appointment.PersonKey), nameof(Appointment.Type),
            nameof(Appointment.StartDate), nameof(Appointment.EndDate), nameof(Appointment.LeavingReason), nameof(Appointment.Unplanned), nameof(Appointment.RecordedOn)),
        orderBy: [],
        r => new Appointment
        {
            Id = r.GetInt32(0),
            AuthorityCode = r.GetString(1),
            PersonKey = r.GetInt32(2),
            Type = RegisterMappings.ParseType(r.GetString(3)),
            StartDate = Date(r, 4)!.Value,
            EndDate = Date(r, 5),
            LeavingReason = r.IsDBNull(6) ? null : RegisterMappings.ParseReason(r.GetString(6)),
            Unplanned = r.IsDBNull(7) ? null : r.GetBoolean(7),
            RecordedOn = Date(r, 8),
        },
        cancellationToken);

    /// <summary>A date as <see cref="LocalDateConverter"/> stores it (<c>date</c> on PostgreSQL, ISO text on SQLite): both providers read it as a <see cref="DateOnly"/>.</summary>
    private static LocalDate? Date(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : LocalDate.FromDateOnly(reader.GetFieldValue<DateOnly>(ordinal));

    private Task<List<T>> ReadAsync<T>(TableMap map, int[] orderBy, Func<DbDataReader, T> row, CancellationToken cancellationToken)
    {
        return session.OwnsConnection ? Read(session.Connection) : session.Context.WithOpenConnectionAsync(Read, cancellationToken);

        async Task<List<T>> Read(DbConnection connection)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {map.ColumnList} FROM {map.Table}"
                + (orderBy.Length == 0 ? "" : $" ORDER BY {string.Join(", ", orderBy.Select(i => map.Columns[i]))}");
            command.Transaction = session.Transaction;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var rows = new List<T>();
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(row(reader));
            }
            return rows;
        }
    }
}
