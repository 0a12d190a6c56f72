using Microsoft.EntityFrameworkCore;
using NodaTime;
using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Upon.Audit;
using Upon.Core;
using Upon.Core.NewDirectors;
using Upon.Core.Register;
using Upon.Data;
using Upon.Shared.Events;

namespace Upon.Register;

/// <summary>What an import did, or would do (a preview), and every problem found.</summary>
public sealed record AppointmentImportResult(int Rows, int Added, int Updated, int Unchanged, int PeopleAdded, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    /// <summary>How many New Directors invitations saving creates (or created).</summary>
    public int Invitations { get; init; }

    /// <summary>The rows that add or change an appointment, in file order (unchanged rows are left out).</summary>
    public IReadOnlyList<AppointmentChangeRow> Changes { get; init; } = [];
}

/// <summary>One row of a file that adds an appointment or changes one, as the preview shows it.</summary>
public sealed record AppointmentChangeRow(
    int Line, bool IsNew, string AuthorityCode, string AuthorityName, string PersonId, string Name,
    AppointmentType Type, LocalDate Start, LocalDate? End, LocalDate? EndBefore);

/// <summary>Progress through an import, for a progress bar.</summary>
public sealed record ImportProgress(string Stage, int Done, int Total);

/// <summary>
/// Imports appointments all or nothing: every row is checked against the file and the register first, and nothing is
/// written unless every row is valid. An appointment is keyed by authority, person and start date, so importing the
/// same file twice changes nothing and a later file updates what an earlier one said.
/// </summary>
public sealed class AppointmentImporter(UponDbContext db, DatabaseConnections connections, DomainEvents events, ILogger<AppointmentImporter> logger)
{
    // Each stage is timed and logged at Debug (bench/README.md gives the breakdown of a 100,000-row import).
    private readonly System.Diagnostics.Stopwatch _stage = new();

    /// <summary>
    /// Imports a file as uploaded or read from disk: decoded by the one rule for imported files (UTF-8, with or without a
    /// byte-order mark, <see cref="Upon.Shared.Files.Utf8File"/>); a file that is not UTF-8 is one error naming the line.
    /// </summary>
    /// <param name="file">The file's bytes.</param>
    /// <param name="preview">Whether to check and count only, writing nothing.</param>
    /// <param name="progress">Told how far the import has got.</param>
    /// <param name="ownConnection">
    /// On SQLite, whether to import on a connection of its own rather than the context's (<see cref="BulkSession.BeginOwnAsync"/>):
    /// the command line, which then builds no EF Core model unless a row calls for an invitation. Only for a caller with no
    /// transaction of its own open on the context.
    /// </param>
    /// <param name="cancellationToken">Cancels the import, which then writes nothing.</param>
    public async Task<AppointmentImportResult> ImportAsync(
        byte[] file, bool preview = false, IProgress<ImportProgress>? progress = null, bool ownConnection = false, CancellationToken cancellationToken = default)
    {
        string text;
        try
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            text = Upon.Shared.Files.Utf8File.Decode(file);
            logger.LogDebug("Import: the file decoded in {Milliseconds} ms", watch.ElapsedMilliseconds);
        }
        catch (Upon.Shared.Files.Utf8FileException e)
        {
            return new AppointmentImportResult(0, 0, 0, 0, 0, [new ImportError(e.Line ?? 1, "", "", e.Message)]);
        }
        return await ImportAsync(text, preview, progress, ownConnection, cancellationToken);
    }

    public async Task<AppointmentImportResult> ImportAsync(TextReader reader, bool preview = false, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return await ImportAsync(await reader.ReadToEndAsync(cancellationToken), preview, progress, ownConnection: false, cancellationToken);
    }

    /// <summary>How many rows are planned and written at a time (the bulk writer writes each batch in one go).</summary>
    public const int BatchSize = 10_000;

    /// <summary>
    /// One streaming pass over the file, in one transaction: each row is parsed and checked as it is read, and while no row
    /// has failed, <see cref="BatchSize"/> rows at a time are planned and handed to the bulk writer on another thread
    /// (<see cref="BatchPipeline"/>), so that a large file is never held as rows (only each row's key and dates, for the
    /// checks that need the whole file) and the next batch is read while the last is written. The checks against the whole
    /// file and the register (overlaps) come at the end; if any row failed, the transaction is rolled back and nothing is
    /// written.
    /// </summary>
    private async Task<AppointmentImportResult> ImportAsync(string text, bool preview, IProgress<ImportProgress>? progress, bool ownConnection, CancellationToken cancellationToken)
    {
        _stage.Restart();
        // For the progress bar only: the lines after the header (blank lines are counted too, so it may end short of the total).
        var expectedRows = Math.Max(1, text.AsSpan().TrimEnd('\n').Count('\n'));
        progress?.Report(new ImportProgress("Saving", 0, expectedRows));
        var today = db.Clock.TodayInLondon();

        // The register is read and written in one transaction, and on PostgreSQL no one else writes appointments meanwhile (an
        // import on another instance waits here), so the checks against the register hold until the rows are written. On
        // SQLite the transaction holds the database's write lock already (IMMEDIATE).
        await using var session = ownConnection && await connections.OpenSqliteAsync(cancellationToken) is { } connection
            ? await BulkSession.BeginOwnAsync(db, connection, cancellationToken)
            : await BulkSession.BeginAsync(db, cancellationToken);
        await LockRegisterAsync(session, cancellationToken);
        var tables = new BulkReader(session);
        var authorities = await tables.AuthoritiesAsync(cancellationToken);
        var byCode = new Dictionary<string, Authority>(StringComparer.OrdinalIgnoreCase);
        foreach (var authority in authorities)
        {
            byCode[authority.Code] = authority;
            foreach (var gss in authority.GssCodes)
            {
                byCode.TryAdd(gss.Code, authority);
            }
        }
        var register = await RegisterSnapshot.ReadAsync(tables, cancellationToken);
        logger.LogDebug("Import: the authorities and the register read in {Milliseconds} ms", _stage.ElapsedMilliseconds);
        _stage.Restart();

        var invalidRows = new List<(int Line, string LaCode)>();
        var errors = new List<ImportError>();
        var rowCount = 0;
        var spans = new Dictionary<string, List<Span>>(StringComparer.Ordinal);
        var firstLineOfKey = new Dictionary<(string, string, LocalDate), int>();
        // Declared after the transaction, so disposed before it: the writer has stopped before any rollback.
        await using var writer = new BatchPipeline(this, session, register, today, preview, cancellationToken);
        var batch = new List<(AppointmentRow Row, Authority Authority)>(BatchSize);
        using (var reader = new StringReader(text))
        {
            foreach (var row in AppointmentCsv.ReadRows(reader, today, errors, invalidRows))
            {
                rowCount++;
                if (Resolve(row, byCode, firstLineOfKey, errors) is not { } authority)
                {
                    continue;
                }
                if (!spans.TryGetValue(authority.Code, out var list))
                {
                    spans[authority.Code] = list = [];
                }
                list.Add(new Span(row.PersonId, row.Start, row.End, row.Line));
                // Once a row has failed nothing more is written: the transaction will be rolled back.
                if (errors.Count > 0)
                {
                    batch.Clear();
                    continue;
                }
                batch.Add((row, authority));
                if (batch.Count == BatchSize)
                {
                    await writer.WriteAsync(batch, cancellationToken);
                    batch.Clear();
                    progress?.Report(new ImportProgress("Saving", Math.Min(rowCount, expectedRows), expectedRows));
                }
            }
        }
        text = "";
        logger.LogDebug("Import: read and checked {Rows} rows in {Milliseconds} ms, their full batches handed to the writer", rowCount, _stage.ElapsedMilliseconds);
        _stage.Restart();
        if (errors.Any(e => e.Line == 1))
        {
            await writer.StopAsync();
            return new AppointmentImportResult(rowCount, 0, 0, 0, 0, Sorted(errors));
        }
        // A row with other problems is still checked for its authority, so that every error of every row is listed.
        foreach (var (line, code) in invalidRows.Where(r => !byCode.ContainsKey(r.LaCode)))
        {
            errors.Add(new ImportError(line, "la_code", code, "No authority has this DfE number or GSS code."));
        }
        firstLineOfKey.Clear();
        firstLineOfKey.TrimExcess();
        CheckOverlaps(spans, register.Appointments, register.PersonIdByKey, errors);
        spans.Clear();
        logger.LogDebug("Import: overlaps checked in {Milliseconds} ms", _stage.ElapsedMilliseconds);
        _stage.Restart();
        if (errors.Count > 0)
        {
            await writer.StopAsync();
            await session.RollbackAsync(cancellationToken);
            return new AppointmentImportResult(rowCount, 0, 0, 0, 0, Sorted(errors));
        }

        await writer.WriteAsync(batch, cancellationToken);
        await writer.FinishAsync(cancellationToken);
        logger.LogDebug("Import: the writing finished, with the last batch and the changed people, {Milliseconds} ms later", _stage.ElapsedMilliseconds);
        logger.LogDebug("Import: writing took {People} ms for new people, {Appointments} ms for appointments, {Audit} ms for audit lines in all; the log flushed {Flushes} times meanwhile",
            _peopleWatch.ElapsedMilliseconds, _appointmentsWatch.ElapsedMilliseconds, _auditWatch.ElapsedMilliseconds, writer.LogFlusher?.Flushes ?? 0);
        _stage.Restart();

        var recordedEvent = new AppointmentsRecorded(writer.Recorded);
        // Its handler (New Directors) reads and writes through the context, in this transaction, and only for appointments
        // that could invite someone (the first thing it checks; it checks against its own today, no earlier than this one).
        if (writer.Recorded.Any(r => InvitationRules.CouldInvite(r.Start, today)))
        {
            await session.JoinContextAsync(cancellationToken);
        }
        await events.RaiseAsync(recordedEvent, cancellationToken);
        logger.LogDebug("Import: reactions to the recorded appointments (New Directors invitations) took {Milliseconds} ms", _stage.ElapsedMilliseconds);
        _stage.Restart();
        if (preview)
        {
            await session.RollbackAsync(cancellationToken);
        }
        else
        {
            await session.CommitAsync(cancellationToken);
        }
        logger.LogDebug("Import: committed in {Milliseconds} ms; the process so far: {Allocated} MB allocated, {Gen0} gen0, {Gen1} gen1 and {Gen2} gen2 garbage collections, paused {Paused} ms in all",
            _stage.ElapsedMilliseconds, GC.GetTotalAllocatedBytes() >> 20, GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), (long)GC.GetTotalPauseDuration().TotalMilliseconds);
        progress?.Report(new ImportProgress("Saving", expectedRows, expectedRows));
        return new AppointmentImportResult(rowCount, writer.Recorded.Count, writer.Changed, writer.Unchanged, writer.NewPeople, [])
        {
            Invitations = recordedEvent.InvitationsCreated,
            Changes = writer.Changes,
        };
    }

    /// <summary>The register as it was when the import began: every person by identifier, every appointment by key.</summary>
    private sealed class RegisterSnapshot
    {
        public required Dictionary<string, Person> People { get; init; }
        public required List<Appointment> Appointments { get; init; }
        public required Dictionary<(string, int, LocalDate), Appointment> AppointmentsByKey { get; init; }
        public required Dictionary<int, string> PersonIdByKey { get; init; }

        public static async Task<RegisterSnapshot> ReadAsync(BulkReader tables, CancellationToken cancellationToken)
        {
            var people = (await tables.PeopleAsync(cancellationToken)).ToDictionary(p => p.PersonId, StringComparer.Ordinal);
            var appointments = await tables.AppointmentsAsync(cancellationToken);
            return new RegisterSnapshot
            {
                People = people,
                Appointments = appointments,
                AppointmentsByKey = appointments.ToDictionary(a => (a.AuthorityCode, a.PersonKey, a.StartDate)),
                PersonIdByKey = people.Values.ToDictionary(p => p.Id, p => p.PersonId),
            };
        }
    }

    /// <summary>
    /// Plans the file's rows a batch at a time on the caller's thread and writes the plans, in order, on one other thread:
    /// while a batch is written (SQLite's or PostgreSQL's work, and the audit lines'), the next is read, checked and
    /// planned. Only the writer uses the database until <see cref="FinishAsync"/> or <see cref="StopAsync"/> has waited for
    /// it. The writer never reads what the planner may still change: each new person is written from a copy taken when its
    /// batch's plan is complete (a later row's new names reach the register with the changed people, at the end); the only
    /// thing it changes that the planner reads is each new person's generated key, which planning does not need. On SQLite,
    /// after each batch the writer has the write-ahead log flushed in the background (<see cref="SqliteLogFlusher"/>).
    /// </summary>
    private sealed class BatchPipeline : IAsyncDisposable
    {
        private readonly AppointmentImporter _importer;
        private readonly BulkSession _session;
        private readonly BulkWriter _bulk;
        private readonly RegisterSnapshot _register;
        private readonly LocalDate _today;
        private readonly bool _collectChanges;
        private readonly Channel<WritePlan> _plans = Channel.CreateBounded<WritePlan>(
            new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
        private readonly Task _writing;

        /// <summary>
        /// People already in the register (or new in an earlier batch) whose names or email the file changes, written once at
        /// the end, each with their names and email before the file's first change to them.
        /// </summary>
        private readonly Dictionary<Person, PersonBefore> _changedPeople = [];

        public BatchPipeline(AppointmentImporter importer, BulkSession session, RegisterSnapshot register, LocalDate today, bool collectChanges, CancellationToken cancellationToken)
        {
            _importer = importer;
            _session = session;
            _bulk = new BulkWriter(session);
            _register = register;
            _today = today;
            _collectChanges = collectChanges;
            _writing = Task.Run(() => WriteAllAsync(cancellationToken), CancellationToken.None);
        }

        /// <summary>Set by the writer after its first batch (null on PostgreSQL); read only once it has finished.</summary>
        public SqliteLogFlusher? LogFlusher { get; private set; }

        /// <summary>Added by the writer; read only once it has finished.</summary>
        public List<RecordedAppointment> Recorded { get; } = [];
        public List<AppointmentChangeRow> Changes { get; } = [];
        public int NewPeople { get; private set; }
        public int Changed { get; private set; }
        public int Unchanged { get; private set; }

        /// <summary>Plans a batch and hands it to the writer, waiting while the writer still has the one before to start on.</summary>
        public async Task WriteAsync(List<(AppointmentRow Row, Authority Authority)> batch, CancellationToken cancellationToken)
        {
            if (batch.Count == 0)
            {
                return;
            }
            var plan = Plan(batch, _register.People, _register.AppointmentsByKey, _changedPeople, _today, _collectChanges);
            NewPeople += plan.NewPeople.Count;
            Changed += plan.Changed.Count;
            Unchanged += plan.Unchanged;
            Changes.AddRange(plan.Preview);
            try
            {
                await _plans.Writer.WriteAsync(plan, cancellationToken);
            }
            catch (ChannelClosedException)
            {
                // The writer failed: its own exception says why.
                await _writing;
                throw;
            }
        }

        private async Task WriteAllAsync(CancellationToken cancellationToken)
        {
            try
            {
                await foreach (var plan in _plans.Reader.ReadAllAsync(cancellationToken))
                {
                    await _importer.WriteAsync(_bulk, plan, cancellationToken);
                    (LogFlusher ??= SqliteLogFlusher.For(_session.Connection))?.Flush();
                    Recorded.AddRange(plan.Added.Select(a => new RecordedAppointment(a.Appointment.AuthorityCode, a.Appointment.PersonKey, a.Appointment.StartDate)));
                }
            }
            catch (Exception e)
            {
                _plans.Writer.TryComplete(e);
                throw;
            }
        }

        /// <summary>Waits for every batch handed over to be written (the writer's failure is thrown here), then writes the people whose names changed, once, with their last names in the file.</summary>
        public async Task FinishAsync(CancellationToken cancellationToken)
        {
            _plans.Writer.TryComplete();
            await _writing;
            await _bulk.UpdatePeopleAsync(_changedPeople.Keys, cancellationToken);
            await _bulk.InsertAuditEventsAsync(_importer.PeopleAuditLines(_changedPeople), cancellationToken);
        }

        /// <summary>Hands over nothing more and waits for the writer to stop, before the transaction is rolled back (nothing it wrote is kept).</summary>
        public async Task StopAsync()
        {
            _plans.Writer.TryComplete();
            try
            {
                await _writing;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Whatever stopped the writer is rolled back with the rest; the rows' own errors are what the import reports.
            }
        }

        public async ValueTask DisposeAsync()
        {
            await StopAsync();
            if (LogFlusher is not null)
            {
                await LogFlusher.DisposeAsync();
            }
        }
    }

    /// <summary>On PostgreSQL, makes every other writer of appointments wait until this transaction ends (readers do not wait).</summary>
    private async Task LockRegisterAsync(BulkSession session, CancellationToken cancellationToken)
    {
        if (!session.IsPostgres)
        {
            return;
        }
        var table = db.Model.FindEntityType(typeof(Appointment))!.GetTableName()!;
        // The table name comes from the model, never from input.
#pragma warning disable EF1002
        await db.Database.ExecuteSqlRawAsync($"LOCK TABLE \"{table}\" IN SHARE ROW EXCLUSIVE MODE", cancellationToken);
#pragma warning restore EF1002
    }

    /// <summary>The row's authority, when it has one and the row neither repeats another nor falls outside the authority's operating period.</summary>
    private static Authority? Resolve(AppointmentRow row, Dictionary<string, Authority> byCode, Dictionary<(string, string, LocalDate), int> firstLineOfKey, List<ImportError> errors)
    {
        if (!byCode.TryGetValue(row.LaCode, out var authority))
        {
            errors.Add(new ImportError(row.Line, "la_code", row.LaCode, "No authority has this DfE number or GSS code."));
            return null;
        }
        if (!firstLineOfKey.TryAdd((authority.Code, row.PersonId, row.Start), row.Line))
        {
            errors.Add(new ImportError(row.Line, "start_date", row.Start.ToIsoString(),
                $"This repeats line {firstLineOfKey[(authority.Code, row.PersonId, row.Start)]}: the same person, authority and start date."));
            return null;
        }
        if (AppointmentRules.CheckOperatingPeriod(authority.Name, authority.Period, row.Start, row.End) is { } outside)
        {
            errors.Add(new ImportError(row.Line, row.Start < (authority.OperatingFrom ?? row.Start) ? "start_date" : "end_date",
                row.Start < (authority.OperatingFrom ?? row.Start) ? row.Start.ToIsoString() : row.End?.ToIsoString() ?? "", outside));
            return null;
        }
        return authority;
    }

    // Where the writing's time goes, logged at Debug when the import ends (bench/README.md).
    private readonly System.Diagnostics.Stopwatch _peopleWatch = new(), _appointmentsWatch = new(), _auditWatch = new();

    /// <summary>Writes one batch: its new people and its new and changed appointments (the bulk writer sets their generated keys), and their audit lines.</summary>
    private async Task WriteAsync(BulkWriter bulk, WritePlan plan, CancellationToken cancellationToken)
    {
        _peopleWatch.Start();
        var people = plan.NewPeople.ConvertAll(p => p.AsPlanned);
        people.Sort(InPersonIdOrder);
        await bulk.InsertPeopleAsync(people, cancellationToken);
        foreach (var (inRegister, asPlanned) in plan.NewPeople)
        {
            inRegister.Id = asPlanned.Id;
        }
        _peopleWatch.Stop();
        _appointmentsWatch.Start();
        await bulk.UpdateAppointmentEndingsAsync(plan.Changed, cancellationToken);
        var added = new List<Appointment>(plan.Added.Count);
        foreach (var (appointment, person) in plan.Added)
        {
            appointment.PersonKey = person.Id;
            added.Add(appointment);
        }
        added.Sort(InAuthorityAndStartOrder);
        await bulk.InsertAppointmentsAsync(added, null, cancellationToken);
        _appointmentsWatch.Stop();
        _auditWatch.Start();
        var at = db.Clock.GetCurrentInstant();
        if (bulk.AuditsCreatedRowsItself)
        {
            if (people.Count > 0)
            {
                await bulk.AuditCreatedAsync<Person>(people[0].Id, people[^1].Id, Line(at, AuditActions.Created, nameof(Person), null, changes: null), cancellationToken);
            }
            if (added.Count > 0)
            {
                await bulk.AuditCreatedAsync<Appointment>(added[0].Id, added[^1].Id, Line(at, AuditActions.Created, nameof(Appointment), null, changes: null), cancellationToken);
            }
            await bulk.InsertAuditEventsAsync(UpdatedLines(plan, at), cancellationToken);
        }
        else
        {
            await bulk.InsertAuditEventsAsync(CreatedLines(people, added, at).Concat(UpdatedLines(plan, at)), cancellationToken);
        }
        _auditWatch.Stop();
    }

    // A batch's new rows are written in the order of the indexes they go into (a person's identifier; an appointment's
    // authority, then start), so that SQLite visits each index page once in a run for the batch rather than once for
    // each row that lands on it, whatever the file's order (bench/README.md, thirtieth round). Their keys follow this
    // order; nothing depends on keys following the file's.
    private static int InPersonIdOrder(Person a, Person b) => string.CompareOrdinal(a.PersonId, b.PersonId);

    private static int InAuthorityAndStartOrder(Appointment a, Appointment b) =>
        string.CompareOrdinal(a.AuthorityCode, b.AuthorityCode) is var byAuthority and not 0 ? byAuthority : a.StartDate.CompareTo(b.StartDate);

    /// <summary>
    /// One <c>created</c> line per person and appointment the batch created, naming the record and the import but not
    /// copying its values (README, "Audit log"): made one at a time as the bulk writer writes them. Used where the bulk writer
    /// does not write the created lines itself (PostgreSQL).
    /// </summary>
    private IEnumerable<AuditEvent> CreatedLines(List<Person> people, List<Appointment> added, Instant at)
    {
        foreach (var person in people)
        {
            yield return Line(at, AuditActions.Created, nameof(Person), person.Id.ToString(CultureInfo.InvariantCulture), changes: null);
        }
        foreach (var appointment in added)
        {
            yield return Line(at, AuditActions.Created, nameof(Appointment), appointment.Id.ToString(CultureInfo.InvariantCulture), changes: null);
        }
    }

    /// <summary>One audit line per appointment the batch changed, with each changed field's old and new value.</summary>
    private IEnumerable<AuditEvent> UpdatedLines(WritePlan plan, Instant at)
    {
        foreach (var appointment in plan.Changed)
        {
            var before = plan.Before[appointment.Id];
            var fields = new ChangedFields()
                .Add(nameof(Appointment.Type), before.Type, appointment.Type)
                .Add(nameof(Appointment.EndDate), before.End, appointment.EndDate)
                .Add(nameof(Appointment.LeavingReason), before.Reason, appointment.LeavingReason)
                .Add(nameof(Appointment.Unplanned), before.Unplanned, appointment.Unplanned)
                .Add(nameof(Appointment.RecordedOn), before.RecordedOn, appointment.RecordedOn);
            yield return Line(at, AuditActions.Updated, nameof(Appointment), appointment.Id.ToString(CultureInfo.InvariantCulture), fields.Fields);
        }
    }

    /// <summary>
    /// One audit line for each person whose names or email the import changed, with each changed field's value before the
    /// file and at its end.
    /// </summary>
    private IEnumerable<AuditEvent> PeopleAuditLines(Dictionary<Person, PersonBefore> people)
    {
        var at = db.Clock.GetCurrentInstant();
        foreach (var (person, before) in people)
        {
            var fields = new ChangedFields()
                .Add(nameof(Person.GivenName), before.GivenName, person.GivenName)
                .Add(nameof(Person.FamilyName), before.FamilyName, person.FamilyName)
                .Add(nameof(Person.Email), before.Email, person.Email);
            if (fields.Fields.Count > 0)
            {
                yield return Line(at, AuditActions.Updated, nameof(Person), person.Id.ToString(CultureInfo.InvariantCulture), fields.Fields);
            }
        }
    }

    /// <summary>The fields an update changed, each with its old and new value as the change tracker records them (<see cref="AuditChanges.Format(object?)"/>); unchanged fields left out.</summary>
    private sealed class ChangedFields
    {
        public Dictionary<string, object> Fields { get; } = new(5, StringComparer.Ordinal);

        public ChangedFields Add(string name, object? old, object? @new)
        {
            var (from, to) = (AuditChanges.Format(old), AuditChanges.Format(@new));
            if (!string.Equals(from, to, StringComparison.Ordinal))
            {
                Fields[name] = new { old = from, @new = to };
            }
            return this;
        }
    }

    // Who is acting does not change during an import: asked once, not per line (the command line's actor asks the operating
    // system for the user's name, which cost more than writing the line).
    private (string? UserId, string Name)? _actingAs;

    private (string? UserId, string Name) ActingAs => _actingAs ??= (db.Actor.UserId, db.Actor.Name);

    private AuditEvent Line(Instant at, string action, string type, string? id, string? changes) => new()
    {
        At = at,
        UserId = ActingAs.UserId,
        Actor = ActingAs.Name,
        Action = action,
        EntityType = type,
        EntityId = id,
        Changes = changes,
        Detail = "CSV import",
    };

    private AuditEvent Line(Instant at, string action, string type, string id, object fields) => new()
    {
        At = at,
        UserId = ActingAs.UserId,
        Actor = ActingAs.Name,
        Action = action,
        EntityType = type,
        EntityId = id,
        Changes = JsonSerializer.Serialize(fields),
        Detail = "CSV import",
    };

    /// <summary>Decides, row by row, what the import writes: new people, changed people, new and changed appointments.</summary>
    /// <param name="changedPeople">People already in the register (or written by an earlier batch) whose names or email the file changes, written once at the end, with their values before the first change.</param>
    /// <param name="collectChanges">Whether to list each added or changed row, for the preview.</param>
    private static WritePlan Plan(
        IEnumerable<(AppointmentRow Row, Authority Authority)> batch, Dictionary<string, Person> people,
        Dictionary<(string, int, LocalDate), Appointment> existingByKey, Dictionary<Person, PersonBefore> changedPeople, LocalDate today, bool collectChanges)
    {
        var plan = new WritePlan();
        var created = new List<Person>();
        var newInThisBatch = new HashSet<Person>(ReferenceEqualityComparer.Instance);
        foreach (var (row, authority) in batch)
        {
            if (!people.TryGetValue(row.PersonId, out var person))
            {
                person = new Person { PersonId = row.PersonId, GivenName = row.GivenName, FamilyName = row.FamilyName, Email = row.Email };
                people[row.PersonId] = person;
                created.Add(person);
                newInThisBatch.Add(person);
            }
            else if (person.GivenName != row.GivenName || person.FamilyName != row.FamilyName || (row.Email is not null && person.Email != row.Email))
            {
                // A person new in an earlier batch may not have their key yet (the writer sets it), but is written already.
                if (!newInThisBatch.Contains(person))
                {
                    changedPeople.TryAdd(person, new PersonBefore(person.GivenName, person.FamilyName, person.Email));
                }
                person.GivenName = row.GivenName;
                person.FamilyName = row.FamilyName;
                person.Email = row.Email ?? person.Email;
            }

            // Only people in the register before the import have appointments in it (a new person's key, set by the writer, may be 0 here).
            if (person.Id != 0 && existingByKey.TryGetValue((authority.Code, person.Id, row.Start), out var appointment))
            {
                var recordedOn = row.RecordedOn ?? appointment.RecordedOn;
                if (appointment.Type == row.Type && appointment.EndDate == row.End && appointment.LeavingReason == row.Reason && appointment.Unplanned == row.Unplanned
                    && appointment.RecordedOn == recordedOn)
                {
                    plan.Unchanged++;
                    continue;
                }
                plan.Before[appointment.Id] = (appointment.Type, appointment.EndDate, appointment.LeavingReason, appointment.Unplanned, appointment.RecordedOn);
                if (collectChanges)
                {
                    plan.Preview.Add(new AppointmentChangeRow(row.Line, false, authority.Code, authority.Name, row.PersonId, $"{row.GivenName} {row.FamilyName}",
                        row.Type, row.Start, row.End, appointment.EndDate));
                }
                appointment.Type = row.Type;
                appointment.EndDate = row.End;
                appointment.LeavingReason = row.Reason;
                appointment.Unplanned = row.Unplanned;
                appointment.RecordedOn = recordedOn;
                plan.Changed.Add(appointment);
            }
            else
            {
                plan.Added.Add((new Appointment
                {
                    AuthorityCode = authority.Code,
                    Type = row.Type,
                    StartDate = row.Start,
                    EndDate = row.End,
                    LeavingReason = row.Reason,
                    Unplanned = row.Unplanned,
                    RecordedOn = row.RecordedOn ?? today,
                }, person));
                if (collectChanges)
                {
                    plan.Preview.Add(new AppointmentChangeRow(row.Line, true, authority.Code, authority.Name, row.PersonId, $"{row.GivenName} {row.FamilyName}",
                        row.Type, row.Start, row.End, null));
                }
            }
        }
        // The writer writes these copies, as they are now: a later batch may change the people themselves.
        plan.NewPeople.AddRange(created.Select(p => new NewPerson(p, new Person { PersonId = p.PersonId, GivenName = p.GivenName, FamilyName = p.FamilyName, Email = p.Email })));
        return plan;
    }

    /// <summary>
    /// A person the batch creates: as the register holds them (a later batch may change their names; the writer gives them
    /// their key) and a copy as they were when the batch was planned, which is what the writer writes.
    /// </summary>
    private sealed record NewPerson(Person InRegister, Person AsPlanned);

    /// <summary>A person's names and email before the file changed them, for the audit line's old values.</summary>
    private sealed record PersonBefore(string GivenName, string FamilyName, string? Email);

    private sealed class WritePlan
    {
        /// <summary>The people this batch creates.</summary>
        public List<NewPerson> NewPeople { get; } = [];
        public List<Appointment> Changed { get; } = [];
        public List<(Appointment Appointment, Person Person)> Added { get; } = [];
        public int Unchanged { get; set; }
        public Dictionary<int, (AppointmentType Type, LocalDate? End, LeavingReason? Reason, bool? Unplanned, LocalDate? RecordedOn)> Before { get; } = [];
        public List<AppointmentChangeRow> Preview { get; } = [];
    }

    /// <param name="spans">The file's rows by authority code (only their person, dates and line).</param>
    private static void CheckOverlaps(
        Dictionary<string, List<Span>> spans, List<Appointment> existing,
        Dictionary<int, string> personIdByKey, List<ImportError> errors)
    {
        var merged = new Dictionary<(string Authority, string Person, LocalDate Start), Span>();
        foreach (var a in existing.Where(a => spans.ContainsKey(a.AuthorityCode)))
        {
            merged[(a.AuthorityCode, personIdByKey[a.PersonKey], a.StartDate)] = new Span(personIdByKey[a.PersonKey], a.StartDate, a.EndDate, null);
        }
        foreach (var (authority, rows) in spans)
        {
            foreach (var span in rows)
            {
                merged[(authority, span.PersonId, span.Start)] = span;
            }
        }
        foreach (var group in merged.GroupBy(p => p.Key.Authority, p => p.Value))
        {
            var remaining = group.ToList();
            while (AppointmentRules.FindOverlap(remaining, s => s.Start, s => s.End) is var (first, second))
            {
                var culprit = second.Line is not null ? second : first;
                var other = ReferenceEquals(culprit, second) ? first : second;
                var where = other.Line is { } line ? $"line {line}" : "the register";
                var otherEnd = other.End?.ToIsoString() ?? "now";
                var reason = culprit.PersonId == other.PersonId
                    ? $"This appointment of {culprit.PersonId} in authority {group.Key} overlaps their own appointment ({where}) from {other.Start.ToIsoString()} to {otherEnd}."
                    : $"Two people cannot be in post in authority {group.Key} on the same day: {culprit.PersonId} from {culprit.Start.ToIsoString()} overlaps {other.PersonId} ({where}) in post {other.Start.ToIsoString()} to {otherEnd}.";
                errors.Add(new ImportError(culprit.Line ?? 0, "start_date", culprit.Start.ToIsoString(), reason));
                remaining.Remove(culprit);
            }
        }
    }

    private static List<ImportError> Sorted(List<ImportError> errors) => [.. errors.OrderBy(e => e.Line).ThenBy(e => e.Column, StringComparer.Ordinal)];

    private sealed record Span(string PersonId, LocalDate Start, LocalDate? End, int? Line);
}
