using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;
using Upon.Audit;
using Upon.Core.Register;
using Upon.Register;

namespace Upon.Data;

/// <summary>
/// Writes many rows at once inside the context's current transaction: one prepared statement re-used per row on SQLite,
/// binary COPY on PostgreSQL. EF Core's change tracker costs about a tenth of a millisecond per entity, which is too
/// slow for a 100,000-row import; column names still come from the EF model so the two cannot drift apart.
/// </summary>
public sealed class BulkWriter(UponDbContext db)
{
    private bool IsPostgres => db.Database.IsNpgsql();

    public async Task InsertPeopleAsync(IReadOnlyCollection<Person> people, CancellationToken cancellationToken)
    {
        db.MarkFigureDataChanged();
        var map = Columns<Person>(nameof(Person.PersonId), nameof(Person.GivenName), nameof(Person.FamilyName), nameof(Person.Email));
        await InsertAsync(map, people, p => [p.PersonId, p.GivenName, p.FamilyName, p.Email],
            [NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text], cancellationToken);
    }

    public async Task InsertAppointmentsAsync(IReadOnlyCollection<Appointment> appointments, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        db.MarkFigureDataChanged();
        var map = Columns<Appointment>(nameof(Appointment.AuthorityCode), nameof(Appointment.PersonKey), nameof(Appointment.Type),
            nameof(Appointment.StartDate), nameof(Appointment.EndDate), nameof(Appointment.LeavingReason), nameof(Appointment.Unplanned), nameof(Appointment.RecordedOn));
        await InsertAsync(map, appointments,
            a => [a.AuthorityCode, a.PersonKey, a.Type.ToCode(), a.StartDate.ToDateOnly(), a.EndDate?.ToDateOnly(), a.LeavingReason?.ToCode(), a.Unplanned, a.RecordedOn?.ToDateOnly()],
            [NpgsqlDbType.Text, NpgsqlDbType.Integer, NpgsqlDbType.Text, NpgsqlDbType.Date, NpgsqlDbType.Date, NpgsqlDbType.Text, NpgsqlDbType.Boolean, NpgsqlDbType.Date],
            cancellationToken, progress);
    }

    /// <summary>Appends audit lines for rows written in bulk (the change tracker, which audits everything else, is bypassed).</summary>
    public async Task InsertAuditEventsAsync(IEnumerable<AuditEvent> events, CancellationToken cancellationToken)
    {
        var map = Columns<AuditEvent>(nameof(AuditEvent.At), nameof(AuditEvent.UserId), nameof(AuditEvent.Actor), nameof(AuditEvent.Action),
            nameof(AuditEvent.EntityType), nameof(AuditEvent.EntityId), nameof(AuditEvent.Changes), nameof(AuditEvent.Detail));
        await InsertAsync(map, events,
            e => [e.At.ToDateTimeUtc(), e.UserId, e.Actor, e.Action, e.EntityType, e.EntityId, e.Changes, e.Detail],
            [NpgsqlDbType.TimestampTz, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text],
            cancellationToken);
    }

    public async Task InsertWorkforceEthnicityAsync(IReadOnlyCollection<Upon.Impact.WorkforceEthnicityFigure> rows, CancellationToken cancellationToken)
    {
        var map = Columns<Upon.Impact.WorkforceEthnicityFigure>(nameof(Upon.Impact.WorkforceEthnicityFigure.Year), nameof(Upon.Impact.WorkforceEthnicityFigure.Level),
            nameof(Upon.Impact.WorkforceEthnicityFigure.AreaCode), nameof(Upon.Impact.WorkforceEthnicityFigure.AreaName), nameof(Upon.Impact.WorkforceEthnicityFigure.Role),
            nameof(Upon.Impact.WorkforceEthnicityFigure.EthnicGroup), nameof(Upon.Impact.WorkforceEthnicityFigure.Headcount));
        await InsertAsync(map, rows, r => [r.Year, r.Level, r.AreaCode, r.AreaName, r.Role, r.EthnicGroup, r.Headcount],
            [NpgsqlDbType.Integer, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Integer], cancellationToken);
    }

    public async Task InsertCensusEthnicityAsync(IReadOnlyCollection<Upon.Impact.CensusEthnicityFigure> rows, CancellationToken cancellationToken)
    {
        var map = Columns<Upon.Impact.CensusEthnicityFigure>(nameof(Upon.Impact.CensusEthnicityFigure.Level), nameof(Upon.Impact.CensusEthnicityFigure.AreaCode),
            nameof(Upon.Impact.CensusEthnicityFigure.AreaName), nameof(Upon.Impact.CensusEthnicityFigure.CategoryCode), nameof(Upon.Impact.CensusEthnicityFigure.Category),
            nameof(Upon.Impact.CensusEthnicityFigure.Observation));
        await InsertAsync(map, rows, r => [r.Level, r.AreaCode, r.AreaName, r.CategoryCode, r.Category, r.Observation],
            [NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Integer, NpgsqlDbType.Text, NpgsqlDbType.Bigint], cancellationToken);
    }

    public async Task UpdateAppointmentEndingsAsync(IReadOnlyCollection<Appointment> appointments, CancellationToken cancellationToken)
    {
        db.MarkFigureDataChanged();
        var (table, columns) = Columns<Appointment>(nameof(Appointment.Type), nameof(Appointment.EndDate), nameof(Appointment.LeavingReason),
            nameof(Appointment.Unplanned), nameof(Appointment.RecordedOn), nameof(Appointment.Id));
        var sql = $"UPDATE {table} SET {columns[0]} = @p0, {columns[1]} = @p1, {columns[2]} = @p2, {columns[3]} = @p3, {columns[4]} = @p4 WHERE {columns[5]} = @p5";
        await ExecuteEachAsync(sql, appointments, a => [a.Type.ToCode(), a.EndDate?.ToDateOnly(), a.LeavingReason?.ToCode(), a.Unplanned, a.RecordedOn?.ToDateOnly(), a.Id], cancellationToken);
    }

    public async Task UpdatePeopleAsync(IReadOnlyCollection<Person> people, CancellationToken cancellationToken)
    {
        db.MarkFigureDataChanged();
        var (table, columns) = Columns<Person>(nameof(Person.GivenName), nameof(Person.FamilyName), nameof(Person.Email), nameof(Person.Id));
        var sql = $"UPDATE {table} SET {columns[0]} = @p0, {columns[1]} = @p1, {columns[2]} = @p2 WHERE {columns[3]} = @p3";
        await ExecuteEachAsync(sql, people, p => [p.GivenName, p.FamilyName, p.Email, p.Id], cancellationToken);
    }

    private (string Table, string[] Columns) Columns<T>(params string[] properties)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        return (Quote(entity.GetTableName()!), [.. properties.Select(p => Quote(entity.FindProperty(p)!.GetColumnName(store)!))]);
    }

    private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private async Task InsertAsync<T>(
        (string Table, string[] Columns) map, IEnumerable<T> rows, Func<T, object?[]> values, NpgsqlDbType[] types,
        CancellationToken cancellationToken, IProgress<int>? progress = null)
    {
        // Rows may be made as they are written (audit lines): enumerated once.
        if (rows is IReadOnlyCollection<T> { Count: 0 })
        {
            return;
        }
        var connection = db.Database.GetDbConnection();
        if (IsPostgres)
        {
            var copy = $"COPY {map.Table} ({string.Join(", ", map.Columns)}) FROM STDIN (FORMAT BINARY)";
            await using var importer = await ((NpgsqlConnection)connection).BeginBinaryImportAsync(copy, cancellationToken);
            var done = 0;
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken);
                var fields = values(row);
                for (var i = 0; i < fields.Length; i++)
                {
                    if (fields[i] is null)
                    {
                        await importer.WriteNullAsync(cancellationToken);
                    }
                    else
                    {
                        await importer.WriteAsync(fields[i], types[i], cancellationToken);
                    }
                }
                if (++done % 10_000 == 0)
                {
                    progress?.Report(done);
                }
            }
            await importer.CompleteAsync(cancellationToken);
            progress?.Report(done);
            return;
        }
        await InsertSqliteAsync(map, rows, values, cancellationToken, progress);
    }

    /// <summary>Rows inserted by one statement on SQLite (SQLite allows 32,766 parameters in a statement).</summary>
    internal const int SqliteRowsPerStatement = 100;

    /// <summary>
    /// Inserts on SQLite <see cref="SqliteRowsPerStatement"/> rows to a prepared statement (the rest by one more): each
    /// statement executed costs the same whether it inserts one row or a hundred, and that cost was most of an import.
    /// </summary>
    private async Task InsertSqliteAsync<T>(
        (string Table, string[] Columns) map, IEnumerable<T> rows, Func<T, object?[]> values, CancellationToken cancellationToken, IProgress<int>? progress)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var width = map.Columns.Length;
        DbCommand Command(int count)
        {
            var command = connection.CreateCommand();
            var valueLists = Enumerable.Range(0, count).Select(r => $"({string.Join(", ", Enumerable.Range(0, width).Select(c => $"@p{r * width + c}"))})");
            command.CommandText = $"INSERT INTO {map.Table} ({string.Join(", ", map.Columns)}) VALUES {string.Join(", ", valueLists)}";
            command.Transaction = transaction;
            for (var i = 0; i < count * width; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = $"@p{i}";
                command.Parameters.Add(parameter);
            }
            return command;
        }
        static async Task ExecuteAsync(DbCommand command, List<object?[]> pending, int width, CancellationToken cancellationToken)
        {
            for (var r = 0; r < pending.Count; r++)
            {
                for (var c = 0; c < width; c++)
                {
                    command.Parameters[r * width + c].Value = pending[r][c] ?? DBNull.Value;
                }
            }
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        DbCommand? full = null;
        var pending = new List<object?[]>(SqliteRowsPerStatement);
        var done = 0;
        try
        {
            foreach (var row in rows)
            {
                pending.Add(values(row));
                if (pending.Count < SqliteRowsPerStatement)
                {
                    continue;
                }
                if (full is null)
                {
                    full = Command(SqliteRowsPerStatement);
                    await full.PrepareAsync(cancellationToken);
                }
                await ExecuteAsync(full, pending, width, cancellationToken);
                done += pending.Count;
                pending.Clear();
                if (done % 10_000 == 0)
                {
                    progress?.Report(done);
                }
            }
            if (pending.Count > 0)
            {
                await using var rest = Command(pending.Count);
                await ExecuteAsync(rest, pending, width, cancellationToken);
                done += pending.Count;
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync();
            }
        }
        progress?.Report(done);
    }

    private async Task ExecuteEachAsync<T>(string sql, IEnumerable<T> rows, Func<T, object?[]> values, CancellationToken cancellationToken, IProgress<int>? progress = null)
    {
        if (rows is IReadOnlyCollection<T> { Count: 0 })
        {
            return;
        }
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        DbParameter[]? parameters = null;
        var done = 0;
        foreach (var row in rows)
        {
            var fields = values(row);
            if (parameters is null)
            {
                parameters = new DbParameter[fields.Length];
                for (var i = 0; i < fields.Length; i++)
                {
                    parameters[i] = command.CreateParameter();
                    parameters[i].ParameterName = $"@p{i}";
                    command.Parameters.Add(parameters[i]);
                }
            }
            for (var i = 0; i < fields.Length; i++)
            {
                parameters[i].Value = fields[i] ?? DBNull.Value;
            }
            if (done == 0 && !IsPostgres)
            {
                // SQLite compiles the statement once; PostgreSQL would fix parameter types from the first row's nulls.
                await command.PrepareAsync(cancellationToken);
            }
            await command.ExecuteNonQueryAsync(cancellationToken);
            if (++done % 10_000 == 0)
            {
                progress?.Report(done);
            }
        }
        progress?.Report(done);
    }
}
