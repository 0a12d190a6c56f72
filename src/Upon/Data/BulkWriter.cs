using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using SQLitePCL;
using Upon.Audit;
using Upon.Core.Register;
using Upon.Register;

namespace Upon.Data;

/// <summary>
/// Writes many rows at once inside the session's transaction (<see cref="BulkSession"/>: the context's, or an import's own): one prepared statement re-used per row on SQLite (bound by position on the connection's handle),
/// binary COPY on PostgreSQL. EF Core's change tracker costs about a tenth of a millisecond per entity, which is too
/// slow for a 100,000-row import; column names still come from the EF model (or, on a session's own connection, from
/// <see cref="TableMap.Named{T}"/>, which tests keep equal to it) so the two cannot drift apart.
/// </summary>
public sealed class BulkWriter(BulkSession session)
{
    public BulkWriter(UponDbContext db)
        : this(new BulkSession(db))
    {
    }

    private bool IsPostgres => session.IsPostgres;

    /// <summary>Inserts new people and sets each one's generated <see cref="Person.Id"/>.</summary>
    public Task InsertPeopleAsync(IReadOnlyCollection<Person> people, CancellationToken cancellationToken) =>
        InsertSettingKeysAsync(
            Columns<Person>(nameof(Person.PersonId), nameof(Person.GivenName), nameof(Person.FamilyName), nameof(Person.Email)),
            people, p => [p.PersonId, p.GivenName, p.FamilyName, p.Email],
            p => p.PersonId, (p, id) => p.Id = id, p => p.Id, null, cancellationToken);

    /// <summary>Inserts new appointments (each with its <see cref="Appointment.PersonKey"/> set) and sets each one's generated <see cref="Appointment.Id"/>.</summary>
    public Task InsertAppointmentsAsync(IReadOnlyCollection<Appointment> appointments, IProgress<int>? progress, CancellationToken cancellationToken) =>
        InsertSettingKeysAsync(
            Columns<Appointment>(nameof(Appointment.AuthorityCode), nameof(Appointment.PersonKey), nameof(Appointment.Type),
                nameof(Appointment.StartDate), nameof(Appointment.EndDate), nameof(Appointment.LeavingReason), nameof(Appointment.Unplanned), nameof(Appointment.RecordedOn)),
            appointments,
            a => [a.AuthorityCode, a.PersonKey, a.Type.ToCode(), a.StartDate.ToDateOnly(), a.EndDate?.ToDateOnly(), a.LeavingReason?.ToCode(), a.Unplanned, a.RecordedOn?.ToDateOnly()],
            a => (a.AuthorityCode, a.PersonKey, a.StartDate), (a, id) => a.Id = id, a => a.Id, progress, cancellationToken);

    /// <summary>
    /// Inserts new rows of an entity whose key the database generates, and gives each row its key. On SQLite the keys
    /// follow on from one another in the rows' order (<see cref="InsertStagedSqliteAsync"/>). PostgreSQL's binary COPY
    /// returns nothing, so the rows written after the largest key before the COPY are read back and matched to the new
    /// rows by <paramref name="naturalKey"/> (unique among them); the caller's transaction keeps other writers of the
    /// table out.
    /// </summary>
    private async Task InsertSettingKeysAsync<T, TKey>(
        TableMap map, IReadOnlyCollection<T> rows, Func<T, object?[]> values,
        Func<T, TKey> naturalKey, Action<T, int> setKey, Func<T, int> key, IProgress<int>? progress, CancellationToken cancellationToken)
        where T : class
        where TKey : notnull
    {
        if (rows.Count == 0)
        {
            return;
        }
        session.MarkFigureDataChanged();
        if (!IsPostgres)
        {
            await InsertStagedSqliteAsync(map, rows, values, setKey, progress, cancellationToken);
            return;
        }
        var db = session.Context;
        var keyName = db.Model.FindEntityType(typeof(T))!.FindPrimaryKey()!.Properties.Single().Name;
        var set = db.Set<T>();
        var before = await set.MaxAsync(e => (int?)EF.Property<int>(e, keyName), cancellationToken) ?? 0;
        await InsertAsync(map, rows, values, cancellationToken, progress);
        var byNaturalKey = rows.ToDictionary(naturalKey);
        await foreach (var written in set.AsNoTracking().Where(e => EF.Property<int>(e, keyName) > before).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (byNaturalKey.TryGetValue(naturalKey(written), out var row))
            {
                setKey(row, key(written));
            }
        }
    }

    /// <summary>Appends audit lines for rows written in bulk (the change tracker, which audits everything else, is bypassed).</summary>
    public async Task InsertAuditEventsAsync(IEnumerable<AuditEvent> events, CancellationToken cancellationToken)
    {
        await InsertAsync(AuditColumns(), events,
            e => [e.At.ToDateTimeUtc(), e.UserId, e.Actor, e.Action, e.EntityType, e.EntityId, e.Changes, e.Detail],
            cancellationToken);
    }

    /// <summary>The columns an audit line written in bulk sets, in the order both ways of writing one bind them.</summary>
    private TableMap AuditColumns() => Columns<AuditEvent>(nameof(AuditEvent.At), nameof(AuditEvent.UserId), nameof(AuditEvent.Actor), nameof(AuditEvent.Action),
        nameof(AuditEvent.EntityType), nameof(AuditEvent.EntityId), nameof(AuditEvent.Changes), nameof(AuditEvent.Detail));

    /// <summary>
    /// Whether <see cref="AuditCreatedAsync{TEntity}"/> can write created lines (SQLite: the database makes them from the
    /// rows just inserted; on PostgreSQL the caller writes them with <see cref="InsertAuditEventsAsync"/>, which binary COPY
    /// makes as fast).
    /// </summary>
    public bool AuditsCreatedRowsItself => !IsPostgres;

    /// <summary>
    /// Appends one <c>created</c> audit line for each row of <typeparamref name="TEntity"/>'s table with a key from
    /// <paramref name="firstKey"/> to <paramref name="lastKey"/> (the ones just inserted), in key order, with one
    /// <c>INSERT ... SELECT</c>: no line is made, encoded or bound in .NET. Fails, and so rolls the caller's transaction
    /// back, unless exactly one line a key was written.
    /// </summary>
    /// <param name="line">The line's time, actor, action, entity type, changes and detail, the same for every row.</param>
    public Task AuditCreatedAsync<TEntity>(int firstKey, int lastKey, AuditEvent line, CancellationToken cancellationToken) where TEntity : class
    {
        if (IsPostgres)
        {
            throw new InvalidOperationException("On PostgreSQL the created lines are written with InsertAuditEventsAsync.");
        }
        if (lastKey < firstKey)
        {
            return Task.CompletedTask;
        }
        cancellationToken.ThrowIfCancellationRequested();
        var (table, columns, _) = Columns<TEntity>("Id");
        var key = columns[0];
        var audit = AuditColumns();
        var sql = $"INSERT INTO {audit.Table} ({audit.ColumnList}) "
            + $"SELECT ?1, ?2, ?3, ?4, ?5, CAST({key} AS TEXT), ?6, ?7 FROM {table} WHERE {key} BETWEEN ?8 AND ?9 ORDER BY {key}";
        var handle = SqliteHandle();
        Check(raw.sqlite3_prepare_v2(handle, sql, out var statement), handle);
        using (statement)
        {
            object?[] values = [line.At.ToDateTimeUtc(), line.UserId, line.Actor, line.Action, line.EntityType, line.Changes, line.Detail, firstKey, lastKey];
            for (var i = 0; i < values.Length; i++)
            {
                Check(Bind(statement, i + 1, values[i]), handle);
            }
            var result = raw.sqlite3_step(statement);
            if (result != raw.SQLITE_DONE)
            {
                Check(result, handle);
            }
        }
        var written = raw.sqlite3_changes(handle);
        if (written != lastKey - firstKey + 1)
        {
            throw new InvalidOperationException($"{written} audit lines were written for the {lastKey - firstKey + 1} rows of {table} from key {firstKey} to {lastKey}.");
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// Inserts rows of <typeparamref name="T"/> whose keys are given, not generated (reference data, a new database's
    /// set-up): <paramref name="values"/> gives each row's values of <paramref name="properties"/>, in that order.
    /// </summary>
    public Task InsertRowsAsync<T>(IReadOnlyCollection<T> rows, string[] properties, Func<T, object?[]> values, CancellationToken cancellationToken) =>
        InsertAsync(Columns<T>(properties), rows, values, cancellationToken);

    public async Task InsertWorkforceEthnicityAsync(IReadOnlyCollection<Upon.Impact.WorkforceEthnicityFigure> rows, CancellationToken cancellationToken)
    {
        var map = Columns<Upon.Impact.WorkforceEthnicityFigure>(nameof(Upon.Impact.WorkforceEthnicityFigure.Year), nameof(Upon.Impact.WorkforceEthnicityFigure.Level),
            nameof(Upon.Impact.WorkforceEthnicityFigure.AreaCode), nameof(Upon.Impact.WorkforceEthnicityFigure.AreaName), nameof(Upon.Impact.WorkforceEthnicityFigure.Role),
            nameof(Upon.Impact.WorkforceEthnicityFigure.EthnicGroup), nameof(Upon.Impact.WorkforceEthnicityFigure.Headcount));
        await InsertAsync(map, rows, r => [r.Year, r.Level, r.AreaCode, r.AreaName, r.Role, r.EthnicGroup, r.Headcount], cancellationToken);
    }

    public async Task InsertCensusEthnicityAsync(IReadOnlyCollection<Upon.Impact.CensusEthnicityFigure> rows, CancellationToken cancellationToken)
    {
        var map = Columns<Upon.Impact.CensusEthnicityFigure>(nameof(Upon.Impact.CensusEthnicityFigure.Level), nameof(Upon.Impact.CensusEthnicityFigure.AreaCode),
            nameof(Upon.Impact.CensusEthnicityFigure.AreaName), nameof(Upon.Impact.CensusEthnicityFigure.CategoryCode), nameof(Upon.Impact.CensusEthnicityFigure.Category),
            nameof(Upon.Impact.CensusEthnicityFigure.Observation));
        await InsertAsync(map, rows, r => [r.Level, r.AreaCode, r.AreaName, r.CategoryCode, r.Category, r.Observation], cancellationToken);
    }

    public async Task UpdateAppointmentEndingsAsync(IReadOnlyCollection<Appointment> appointments, CancellationToken cancellationToken)
    {
        session.MarkFigureDataChanged();
        var (table, columns, _) = Columns<Appointment>(nameof(Appointment.Type), nameof(Appointment.EndDate), nameof(Appointment.LeavingReason),
            nameof(Appointment.Unplanned), nameof(Appointment.RecordedOn), nameof(Appointment.Id));
        var sql = $"UPDATE {table} SET {columns[0]} = @p0, {columns[1]} = @p1, {columns[2]} = @p2, {columns[3]} = @p3, {columns[4]} = @p4 WHERE {columns[5]} = @p5";
        await ExecuteEachAsync(sql, appointments, a => [a.Type.ToCode(), a.EndDate?.ToDateOnly(), a.LeavingReason?.ToCode(), a.Unplanned, a.RecordedOn?.ToDateOnly(), a.Id], cancellationToken);
    }

    public async Task UpdatePeopleAsync(IReadOnlyCollection<Person> people, CancellationToken cancellationToken)
    {
        session.MarkFigureDataChanged();
        var (table, columns, _) = Columns<Person>(nameof(Person.GivenName), nameof(Person.FamilyName), nameof(Person.Email), nameof(Person.Id));
        var sql = $"UPDATE {table} SET {columns[0]} = @p0, {columns[1]} = @p1, {columns[2]} = @p2 WHERE {columns[3]} = @p3";
        await ExecuteEachAsync(sql, people, p => [p.GivenName, p.FamilyName, p.Email, p.Id], cancellationToken);
    }

    private TableMap Columns<T>(params string[] properties) => session.Map<T>(properties);

    private async Task InsertAsync<T>(
        TableMap map, IEnumerable<T> rows, Func<T, object?[]> values,
        CancellationToken cancellationToken, IProgress<int>? progress = null)
    {
        // Rows may be made as they are written (audit lines): enumerated once.
        if (rows is IReadOnlyCollection<T> { Count: 0 })
        {
            return;
        }
        if (IsPostgres)
        {
            await CopyAsync(map, rows, values, cancellationToken, progress);
            return;
        }
        await InsertSqliteAsync(map, rows, values, cancellationToken, progress);
    }

    /// <summary>
    /// Writes the rows with binary COPY on PostgreSQL. A method of its own, so that Npgsql's types are in its state machine
    /// only: a SQLite process never loads Npgsql's assembly.
    /// </summary>
    private async Task CopyAsync<T>(TableMap map, IEnumerable<T> rows, Func<T, object?[]> values, CancellationToken cancellationToken, IProgress<int>? progress)
    {
        var copy = $"COPY {map.Table} ({map.ColumnList}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await ((NpgsqlConnection)session.Connection).BeginBinaryImportAsync(copy, cancellationToken);
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
                    await importer.WriteAsync(fields[i], map.StoreTypes[i], cancellationToken);
                }
            }
            if (++done % 10_000 == 0)
            {
                progress?.Report(done);
            }
        }
        await importer.CompleteAsync(cancellationToken);
        progress?.Report(done);
    }

    /// <summary>
    /// Inserts on SQLite through one prepared statement on the connection's own handle, inside its open transaction, binding
    /// each row's values by position. Microsoft.Data.Sqlite binds every parameter by name, which SQLite looks up by a linear
    /// search: for a many-row statement that cost grew with the square of its parameters and was most of a large import.
    /// The values are bound as Microsoft.Data.Sqlite binds them (text for dates, 0 and 1 for booleans), so EF Core reads
    /// them back the same. A value equal to the previous row's in the same column is not bound again: SQLite keeps a
    /// statement's bindings when it is reset, and binding text (converting and copying it) was most of the binding's time.
    /// </summary>
    private Task InsertSqliteAsync<T>(
        TableMap map, IEnumerable<T> rows, Func<T, object?[]> values, CancellationToken cancellationToken, IProgress<int>? progress)
    {
        var handle = SqliteHandle();
        var sql = $"INSERT INTO {map.Table} ({map.ColumnList}) VALUES ({string.Join(", ", map.Columns.Select((_, i) => $"?{i + 1}"))})";
        Check(raw.sqlite3_prepare_v2(handle, sql, out var statement), handle);
        using (statement)
        {
            var done = 0;
            object?[]? bound = null;
            foreach (var row in rows)
            {
                var fields = values(row);
                for (var i = 0; i < fields.Length; i++)
                {
                    if (bound is null || !SameValue(bound[i], fields[i]))
                    {
                        Check(Bind(statement, i + 1, fields[i]), handle);
                    }
                }
                bound = fields;
                var result = raw.sqlite3_step(statement);
                raw.sqlite3_reset(statement);
                if (result != raw.SQLITE_DONE)
                {
                    Check(result, handle);
                }
                if (++done % 10_000 == 0)
                {
                    progress?.Report(done);
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }
            progress?.Report(done);
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// Inserts rows whose keys SQLite generates in two steps: each row is bound into a temporary table with no index or
    /// constraint, then one <c>INSERT ... SELECT</c> moves them all into the table, so that SQLite opens the table's
    /// indexes and checks its foreign keys in one statement for the batch rather than in one a row. The keys SQLite gives
    /// them follow on from one another in the rows' order (the caller's transaction keeps every other writer out).
    /// </summary>
    private async Task InsertStagedSqliteAsync<T>(
        TableMap map, IReadOnlyCollection<T> rows, Func<T, object?[]> values, Action<T, int> setKey, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var handle = SqliteHandle();
        var stage = $"temp.{TableMap.Quote($"upon_staged_{map.Table.Trim('"')}")}";
        var columns = map.ColumnList;
        Check(raw.sqlite3_exec(handle, $"DROP TABLE IF EXISTS {stage}; CREATE TEMP TABLE {stage} ({columns});"), handle);
        await InsertSqliteAsync(map with { Table = stage }, rows, values, cancellationToken, progress);
        Check(raw.sqlite3_exec(handle, $"INSERT INTO main.{map.Table} ({columns}) SELECT {columns} FROM {stage} ORDER BY rowid;"), handle);
        var moved = raw.sqlite3_changes(handle);
        var last = raw.sqlite3_last_insert_rowid(handle);
        Check(raw.sqlite3_exec(handle, $"DROP TABLE {stage};"), handle);
        if (moved != rows.Count)
        {
            throw new InvalidOperationException($"{moved} of the {rows.Count} rows staged for {map.Table} were written.");
        }
        var key = checked((int)(last - rows.Count + 1));
        foreach (var row in rows)
        {
            setKey(row, key++);
        }
    }

    /// <summary>The SQLite handle of the session's connection, which must be open (in the caller's transaction).</summary>
    private sqlite3 SqliteHandle() => ((SqliteConnection)session.Connection).Handle
        ?? throw new InvalidOperationException("The bulk writer needs the connection open, in the import's transaction.");

    /// <summary>Whether a value binds as the one already bound: both null, or equal text, number, flag, date or time of the same type.</summary>
    private static bool SameValue(object? bound, object? value) =>
        ReferenceEquals(bound, value) || (value is not null && value.Equals(bound));

    /// <summary>
    /// Binds a value as Microsoft.Data.Sqlite would (text for dates, 0 and 1 for flags). Text is encoded into one buffer
    /// the writer keeps, which SQLite copies: the string overload would allocate an array for every value, and a date's
    /// text a string as well (most of the binding's time, and much of a large import's garbage).
    /// </summary>
    private int Bind(sqlite3_stmt statement, int index, object? value) => value switch
    {
        null => raw.sqlite3_bind_null(statement, index),
        // An empty span binds as NULL: the string overload binds ''.
        string { Length: 0 } => raw.sqlite3_bind_text(statement, index, ""),
        string text => raw.sqlite3_bind_text(statement, index, Utf8(text)),
        int number => raw.sqlite3_bind_int64(statement, index, number),
        long number => raw.sqlite3_bind_int64(statement, index, number),
        bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
        DateOnly date => raw.sqlite3_bind_text(statement, index, Utf8(date, @"yyyy\-MM\-dd")),
        DateTime time => raw.sqlite3_bind_text(statement, index, Utf8(time, @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF")),
        _ => throw new NotSupportedException($"The bulk writer does not write {value.GetType().Name} values on SQLite."),
    };

    private byte[] _utf8 = new byte[256];

    private ReadOnlySpan<byte> Utf8(string text)
    {
        var most = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (_utf8.Length < most)
        {
            _utf8 = new byte[Math.Max(most, _utf8.Length * 2)];
        }
        return _utf8.AsSpan(0, Encoding.UTF8.GetBytes(text, _utf8));
    }

    private ReadOnlySpan<byte> Utf8<T>(T value, string format) where T : IUtf8SpanFormattable =>
        value.TryFormat(_utf8, out var written, format, CultureInfo.InvariantCulture)
            ? _utf8.AsSpan(0, written)
            : throw new InvalidOperationException($"{value} does not fit the bulk writer's buffer.");

    private static void Check(int result, sqlite3 handle)
    {
        if (result is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
        {
            SqliteException.ThrowExceptionForRC(result, handle);
        }
    }

    private async Task ExecuteEachAsync<T>(string sql, IEnumerable<T> rows, Func<T, object?[]> values, CancellationToken cancellationToken, IProgress<int>? progress = null)
    {
        if (rows is IReadOnlyCollection<T> { Count: 0 })
        {
            return;
        }
        await using var command = session.Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = session.Transaction;
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
