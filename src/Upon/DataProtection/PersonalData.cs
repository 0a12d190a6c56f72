using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using NodaTime;
using Upon.Audit;
using Upon.Data;
using Upon.Shared.Privacy;
using Upon.Shared.Security;

namespace Upon.DataProtection;

/// <summary>One row about a person, read for a subject access response: its table and its columns' values by name.</summary>
public sealed record PersonalRow(string Table, string EntityType, string Key, IReadOnlyList<KeyValuePair<string, object?>> Values);

/// <summary>Everything Upon holds about one person: the rows each feature declares, and the audit log's entries about them or by them.</summary>
public sealed record SubjectData(DataSubject Subject, IReadOnlyList<(string Feature, PersonalRows Rows)> Found, IReadOnlyList<AuditEvent> AuditAbout, IReadOnlyList<AuditEvent> AuditBy)
{
    public bool IsEmpty => Found.All(f => f.Rows.Rows.Count == 0) && AuditAbout.Count == 0 && AuditBy.Count == 0;
}

/// <summary>What an erasure will do to one table's rows about the person: how many, whether they go, and why what stays is kept.</summary>
public sealed record ErasurePreviewLine(string Table, string Holds, int Rows, bool Deleted, IReadOnlyList<string> ColumnsErased, string Why);

/// <summary>What an erasure did: the pseudonym that replaced the person, and how many rows and audit entries it touched.</summary>
public sealed record ErasureResult(string Pseudonym, int Rows, int Tables, int AuditEntriesShredded);

/// <summary>
/// Finds, erases and shreds a person's data by the data map (<see cref="DataMap"/>), through every feature's
/// <see cref="IPersonalDataProvider"/>. An erasure runs in one transaction: the rows are erased by the policy of each
/// column (saved with the audit log recording only the fields, as "erased"), then the audit log's entries about those
/// rows and by the person are shredded (their values replaced with a pseudonym, marked shredded, never deleted), then
/// every text column of every table is swept for the person's email address and full name.
/// </summary>
public sealed class PersonalData(UponDbContext db, IEnumerable<IPersonalDataProvider> providers, IEnumerable<IErasureFigures> figures, AuditLog audit, IClock clock)
{
    private static readonly HashSet<DataCategory> Personal = [DataCategory.Identity, DataCategory.Contact, DataCategory.SpecialCategory, DataCategory.Credential];

    public IReadOnlyList<IPersonalDataProvider> Providers { get; } = [.. providers];

    public async Task<SubjectData> FindAsync(DataSubject subject, CancellationToken cancellationToken = default)
    {
        var found = new List<(string, PersonalRows)>();
        foreach (var provider in Providers)
        {
            foreach (var rows in await provider.FindAsync(subject, cancellationToken))
            {
                found.Add((provider.Feature, rows));
            }
        }
        var about = new List<AuditEvent>();
        foreach (var group in Distinct(found).GroupBy(r => db.Entry(r).Metadata.ClrType.Name))
        {
            var keys = group.Select(r => AuditChanges.KeyOf(db.Entry(r))).Distinct().ToList();
            var type = group.Key;
            about.AddRange(await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == type && e.EntityId != null && keys.Contains(e.EntityId)).OrderBy(e => e.Id).ToListAsync(cancellationToken));
        }
        var userIds = UserIds(found);
        var lower = subject.LowerEmail;
#pragma warning disable CA1862 // EF Core translates ToLower() to SQL; string.Equals with a StringComparison has no translation.
        var by = await db.AuditEvents.AsNoTracking().Where(e => (e.UserId != null && userIds.Contains(e.UserId)) || e.Actor.ToLower() == lower).OrderBy(e => e.Id).ToListAsync(cancellationToken);
#pragma warning restore CA1862
        return new SubjectData(subject, found, [.. about.DistinctBy(e => e.Id).OrderBy(e => e.Id)], by);
    }

    /// <summary>What Upon holds about the person, one line per kind of record, as their "your data" pages list it.</summary>
    public async Task<IReadOnlyList<HeldData>> HeldAsync(DataSubject subject, CancellationToken cancellationToken = default)
    {
        var data = await FindAsync(subject, cancellationToken);
        return [.. data.Found.Where(f => f.Rows.Rows.Count > 0)
            .Select(f => new HeldData(f.Feature, DataMap.For(f.Rows.Table)?.Holds ?? f.Rows.Table, f.Rows.Rows.Count))
            .DistinctBy(h => h.Holds)];
    }

    /// <summary>A row's columns by name, as the subject access response gives them.</summary>
    public PersonalRow Describe(object row)
    {
        var entry = db.Entry(row);
        var table = entry.Metadata.GetTableName() ?? entry.Metadata.ClrType.Name;
        var values = entry.Properties
            .Select(p => new KeyValuePair<string, object?>(ColumnOf(p.Metadata), Readable(p.CurrentValue)))
            .ToList();
        return new PersonalRow(table, entry.Metadata.ClrType.Name, AuditChanges.KeyOf(entry), values);
    }

    /// <summary>
    /// The rows of the person's subject access download, each as <see cref="Describe"/> gives it with what the providers
    /// withhold from the person (<see cref="IPersonalDataProvider.ForDownload"/>: another person's special-category data).
    /// </summary>
    public IReadOnlyList<(string Feature, PersonalRow Row)> ForDownload(SubjectData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return [.. data.Found.SelectMany(f => f.Rows.Rows.Select(r => (f.Feature, Row: Withheld(Describe(r)))))];
    }

    private PersonalRow Withheld(PersonalRow row) =>
        row with { Values = [.. row.Values.Select(v => new KeyValuePair<string, object?>(v.Key, Providers.Aggregate(v.Value, (value, p) => p.ForDownload(row.Table, v.Key, value))))] };

    /// <summary>What erasing the person would do, table by table, and to the audit log.</summary>
    public async Task<(IReadOnlyList<ErasurePreviewLine> Lines, int AuditEntries)> PreviewAsync(DataSubject subject, CancellationToken cancellationToken = default)
    {
        var data = await FindAsync(subject, cancellationToken);
        var lines = Distinct(data.Found)
            .GroupBy(r => db.Entry(r).Metadata.GetTableName()!)
            .Select(g =>
            {
                var policy = PolicyFor(g.Key);
                var erased = policy.RowErasure == RowErasure.DeleteRow
                    ? []
                    : policy.Columns.Where(c => c.Erasure != ColumnErasure.Keep).Select(c => c.Name).ToList();
                return new ErasurePreviewLine(g.Key, policy.Holds, g.Count(), policy.RowErasure == RowErasure.DeleteRow, erased, policy.ErasureNote);
            })
            .OrderBy(l => l.Table, StringComparer.Ordinal)
            .ToList();
        return (lines, data.AuditAbout.Select(e => e.Id).Union(data.AuditBy.Select(e => e.Id)).Count());
    }

    /// <summary>Erases the person (see the class). Returns null when Upon holds nothing about them.</summary>
    public async Task<ErasureResult?> EraseAsync(DataSubject subject, string reason, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var data = await FindAsync(subject, cancellationToken);
        if (data.IsEmpty)
        {
            return null;
        }
        var pseudonym = NewPseudonym();
        var rows = Distinct(data.Found);
        var names = NamesIn(rows);
        var userIds = UserIds(data.Found);
        var shredded = await EraseRowsAsync(rows, pseudonym, cancellationToken);
        shredded += await ShredActorAsync(subject, userIds, pseudonym, cancellationToken);
        await SweepAsync(subject.Email, names, pseudonym, cancellationToken);
        var tables = rows.Select(r => db.Entry(r).Metadata.GetTableName()).Distinct().Count();
        await audit.RecordAsync(AuditActions.Erased, "DataSubject", pseudonym,
            $"{reason}: {rows.Count} rows in {tables} tables erased by the data map; {shredded} audit entries shredded", cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ErasureResult(pseudonym, rows.Count, tables, shredded);
    }

    /// <summary>
    /// Erases rows by their tables' policy (a retention rule's rows, or a person's), and shreds the audit log's entries
    /// about them. Runs in the caller's transaction when there is one. Returns how many audit entries were shredded.
    /// </summary>
    public async Task<int> EraseRowsAsync(IReadOnlyList<object> rows, string pseudonym, CancellationToken cancellationToken = default)
    {
        var targets = rows.Select(r => db.Entry(r))
            .Select(e => (Type: e.Metadata.ClrType.Name, Key: AuditChanges.KeyOf(e), Policy: PolicyFor(e.Metadata.GetTableName()!)))
            .ToList();
        foreach (var feature in figures)
        {
            await feature.KeepCountsAsync(rows, cancellationToken);
        }
        db.Erasing = true;
        try
        {
            foreach (var row in rows)
            {
                var entry = db.Entry(row);
                var policy = PolicyFor(entry.Metadata.GetTableName()!);
                if (policy.RowErasure == RowErasure.DeleteRow)
                {
                    entry.State = EntityState.Deleted;
                    continue;
                }
                foreach (var property in entry.Properties)
                {
                    var column = policy.Column(ColumnOf(property.Metadata));
                    if (column is null || column.Erasure == ColumnErasure.Keep)
                    {
                        continue;
                    }
                    property.CurrentValue = column.Erasure switch
                    {
                        ColumnErasure.Blank => Blank(property.Metadata),
                        ColumnErasure.GeneraliseEthnicity => MajorGroupOnly(property.CurrentValue as string),
                        _ => Pseudonymous(property.Metadata, pseudonym),
                    };
                }
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.Erasing = false;
        }
        var shredded = 0;
        var now = clock.GetCurrentInstant();
        foreach (var group in targets.GroupBy(t => t.Type))
        {
            var policy = group.First().Policy;
            var keys = group.Select(t => t.Key).Distinct().ToList();
            var type = group.Key;
            var events = await db.AuditEvents.AsNoTracking()
                .Where(e => e.EntityType == type && e.EntityId != null && keys.Contains(e.EntityId) && e.Changes != null)
                .Select(e => new { e.Id, e.Changes }).ToListAsync(cancellationToken);
            foreach (var e in events)
            {
                var changes = ShredChanges(e.Changes!, policy);
                if (changes == e.Changes)
                {
                    continue;
                }
                shredded += await db.AuditEvents.Where(x => x.Id == e.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.Changes, changes).SetProperty(x => x.ShreddedAt, now), cancellationToken);
            }
        }
        return shredded;
    }

    /// <summary>
    /// What a retention rule's erasure of a person (<see cref="EraseRowsAsync"/>, just done) adds when the person is gone
    /// entirely, as an erasure on request does: their account erased by the map and their entries as actor in the audit log
    /// given <paramref name="pseudonym"/> (<see cref="ShredActorAsync"/>). Gone entirely: nothing else under
    /// <paramref name="subject"/>'s address is kept (<see cref="KeepsNoOne"/> aside), their account is not staff's and has
    /// no set-password link still open.
    /// Runs in the caller's transaction. Returns the accounts erased and the audit entries shredded; null when the person
    /// is still kept, and nothing was done.
    /// </summary>
    public async Task<(int Accounts, int AuditEntriesShredded)?> EraseAccountIfGoneAsync(DataSubject subject, string pseudonym, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var data = await FindAsync(subject, cancellationToken);
        if (data.Found.Any(f => f.Rows.Rows.Count > 0 && !KeepsNoOne.Contains(f.Rows.Table)) || HasOpenInvitation(data.Found) || await IsStaffAsync(data.Found, cancellationToken))
        {
            return null;
        }
        var account = Distinct(data.Found.Where(f => Upon.Accounts.AccountsPersonalData.AccountTables.Contains(f.Rows.Table)));
        var userIds = UserIds(data.Found);
        var shredded = account.Count == 0 ? 0 : await EraseRowsAsync(account, pseudonym, cancellationToken);
        shredded += await ShredActorAsync(subject, userIds, pseudonym, cancellationToken);
        return (userIds.Count, shredded);
    }

    /// <summary>
    /// Tables whose rows under a person's address keep nothing of theirs going: their account's own, which goes with them,
    /// and records kept by a date of their own whatever the person does (emails to them, problems they reported, requests
    /// they made), which their own rules erase.
    /// </summary>
    private static readonly HashSet<string> KeepsNoOne =
        [.. Upon.Accounts.AccountsPersonalData.AccountTables, "outbox_messages", "outbox_attachments", "problem_reports", "problem_replies", "subject_requests"];

    private static readonly string[] StaffRoles = [Roles.Administrator, Roles.PartnerStaff, Roles.Funder];

    /// <summary>Whether an account found has a set-password link not yet used and not expired: someone has just been given the account, for a role to come.</summary>
    private bool HasOpenInvitation(IEnumerable<(string, PersonalRows Rows)> found)
    {
        var now = db.Clock.GetCurrentInstant();
        return found.SelectMany(f => f.Rows.Rows).OfType<Upon.Accounts.AccountInvitation>().Any(i => i.UsedAt is null && i.ExpiresAt > now);
    }

    /// <summary>Whether one of the accounts found is staff's (or the funder's), which their own work keeps, whatever their programme records.</summary>
    private async Task<bool> IsStaffAsync(IEnumerable<(string, PersonalRows Rows)> found, CancellationToken cancellationToken)
    {
        var roleIds = found.SelectMany(f => f.Rows.Rows).OfType<IdentityUserRole<string>>().Select(r => r.RoleId).Distinct().ToList();
        return roleIds.Count > 0 && await db.Roles.AnyAsync(r => roleIds.Contains(r.Id) && StaffRoles.Contains(r.Name!), cancellationToken);
    }

    /// <summary>The fields of an audit entry's changes that hold the person's data, replaced with <c>{"shredded":true}</c>.</summary>
    public static string ShredChanges(string changes, TablePolicy policy)
    {
        JsonObject? fields;
        try
        {
            fields = JsonNode.Parse(changes) as JsonObject;
        }
        catch (JsonException)
        {
            fields = null;
        }
        if (fields is null)
        {
            return JsonSerializer.Serialize(new { shredded = true });
        }
        var changed = false;
        foreach (var name in fields.Select(f => f.Key).ToList())
        {
            var column = policy.Column(name);
            var personal = policy.RowErasure == RowErasure.DeleteRow || column is null || column.Erasure != ColumnErasure.Keep || Personal.Contains(column.Category);
            if (personal && fields[name]?.ToJsonString() != "{\"shredded\":true}")
            {
                fields[name] = new JsonObject { ["shredded"] = true };
                changed = true;
            }
        }
        return changed ? fields.ToJsonString() : changes;
    }

    private async Task<int> ShredActorAsync(DataSubject subject, IReadOnlyList<string> userIds, string pseudonym, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var lower = subject.LowerEmail;
        var name = $"Erased {pseudonym}";
#pragma warning disable CA1862 // EF Core translates ToLower() to SQL.
        return await db.AuditEvents.Where(e => (e.UserId != null && userIds.Contains(e.UserId)) || e.Actor.ToLower() == lower)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Actor, name).SetProperty(e => e.UserId, pseudonym).SetProperty(e => e.ShreddedAt, now), cancellationToken);
#pragma warning restore CA1862
    }

    /// <summary>
    /// Replaces the person's email address and full names wherever they are written in any text column of any table (a
    /// staff member's address in "recorded by", a name in an email to someone else, the audit log's details). Only whole
    /// ones (<see cref="AddressPattern"/>, <see cref="NamePattern"/>): erasing ann@example.org leaves joann@example.org,
    /// and erasing Ann Lee leaves Ann Leeson. The database finds the values that contain one; each is rewritten here and
    /// written back only where it changed.
    /// </summary>
    private async Task SweepAsync(string email, IReadOnlyList<string> names, string pseudonym, CancellationToken cancellationToken)
    {
        var replacements = new List<(string Find, Regex Pattern, string Replace)>();
        var address = $"erased-{pseudonym.ToLowerInvariant()}@{ErasedAddresses.Domain}";
        foreach (var variant in Variants(email))
        {
            replacements.Add((variant, AddressPattern(variant), address));
        }
        foreach (var name in names)
        {
            foreach (var variant in Variants(name))
            {
                replacements.Add((variant, NamePattern(variant), $"Erased {pseudonym}"));
            }
        }
        replacements = [.. replacements.Where(r => r.Find.Length >= 3).DistinctBy(r => r.Find).OrderByDescending(r => r.Find.Length)];
        var now = clock.GetCurrentInstant();
        foreach (var entityType in db.Model.GetEntityTypes().Where(t => !t.IsOwned() && t.GetTableName() is not null))
        {
            foreach (var property in entityType.GetProperties().Where(p => p.ClrType == typeof(string) && p.GetValueConverter() is null && !p.IsKey()))
            {
                foreach (var (find, pattern, replace) in replacements)
                {
                    var method = SweepColumnMethod.MakeGenericMethod(entityType.ClrType);
                    await (Task)method.Invoke(this, [entityType, property.Name, find, pattern, replace, now, cancellationToken])!;
                }
            }
        }
    }

    /// <summary>
    /// An email address as a whole address in text: not preceded or followed by a character an address could go on with
    /// (a letter, digit, <c>_</c>, <c>.</c>, <c>+</c> or <c>-</c> before it; a letter, digit, <c>_</c> or <c>-</c>, or a
    /// dot that goes on to one, after it), so that a sentence's full stop after it still ends it. Case is ignored.
    /// </summary>
    public static Regex AddressPattern(string address) =>
        new($@"(?<![\w.+-]){Regex.Escape(address)}(?![\w-]|\.[\w-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>
    /// A full name as whole words: not preceded or followed by a letter, digit or <c>_</c>, nor by a hyphen joined to one
    /// (Mary-Ann Lee and Ann Lee-Smith are other people). Case is ignored.
    /// </summary>
    public static Regex NamePattern(string name) =>
        new($@"(?<![\p{{L}}\p{{M}}\p{{N}}_]-?){Regex.Escape(name)}(?!-?[\p{{L}}\p{{M}}\p{{N}}_])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static readonly MethodInfo SweepColumnMethod = typeof(PersonalData).GetMethod(nameof(SweepColumnAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private async Task SweepColumnAsync<TEntity>(IEntityType entityType, string column, string find, Regex pattern, string replace, Instant now, CancellationToken cancellationToken)
        where TEntity : class
    {
        var set = entityType.HasSharedClrType ? db.Set<TEntity>(entityType.Name) : db.Set<TEntity>();
        // LIKE-style containment only narrows the search; the pattern decides, in memory.
        var values = await set.AsNoTracking().Where(e => EF.Property<string>(e, column).Contains(find))
            .Select(e => EF.Property<string>(e, column)).Distinct().ToListAsync(cancellationToken);
        foreach (var value in values)
        {
            var swept = pattern.Replace(value, replace.Replace("$", "$$", StringComparison.Ordinal));
            if (swept == value)
            {
                continue;
            }
            // Every row holding exactly this value becomes exactly the swept one.
            var matching = set.Where(e => EF.Property<string>(e, column) == value);
            if (typeof(TEntity) == typeof(AuditEvent))
            {
                await ((IQueryable<AuditEvent>)matching).ExecuteUpdateAsync(s => s
                    .SetProperty(e => EF.Property<string>(e, column), swept)
                    .SetProperty(e => e.ShreddedAt, now), cancellationToken);
                continue;
            }
            await matching.ExecuteUpdateAsync(s => s.SetProperty(e => EF.Property<string>(e, column), swept), cancellationToken);
        }
    }

    /// <summary>A value as written and as System.Text.Json escapes it in the audit log (accents become <c>\u00E9</c>), in its own case, lower and upper case.</summary>
    private static IEnumerable<string> Variants(string value)
    {
        foreach (var cased in new[] { value, value.ToLowerInvariant(), value.ToUpperInvariant() })
        {
            yield return cased;
            yield return JsonSerializer.Serialize(cased)[1..^1];
        }
    }

    /// <summary>The person's full names as rows about them write them ("Given Family"), for the sweep.</summary>
    private List<string> NamesIn(IReadOnlyList<object> rows)
    {
        var names = new List<string>();
        foreach (var row in rows)
        {
            var entry = db.Entry(row);
            var given = entry.Properties.FirstOrDefault(p => p.Metadata.Name == "GivenName")?.CurrentValue as string;
            var family = entry.Properties.FirstOrDefault(p => p.Metadata.Name == "FamilyName")?.CurrentValue as string;
            if (!string.IsNullOrWhiteSpace(given) && !string.IsNullOrWhiteSpace(family))
            {
                names.Add($"{given} {family}");
            }
            if (entry.Properties.FirstOrDefault(p => p.Metadata.Name == "DisplayName")?.CurrentValue is string display && display.Contains(' ', StringComparison.Ordinal))
            {
                names.Add(display);
            }
        }
        return [.. names.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The addresses rows about a person hold (their <c>Email</c> columns), not yet erased, for finding what else is under them.</summary>
    public IReadOnlyList<string> AddressesIn(IEnumerable<object> rows) =>
        [.. rows.Select(r => db.Entry(r).Properties.FirstOrDefault(p => p.Metadata.Name == "Email")?.CurrentValue as string)
            .OfType<string>().Where(e => !string.IsNullOrWhiteSpace(e) && !ErasedAddresses.IsErased(e))
            .Select(e => e.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];

    private static List<string> UserIds(IEnumerable<(string, PersonalRows Rows)> found) =>
        [.. found.SelectMany(f => f.Rows.Rows).OfType<Upon.Accounts.UponUser>().Select(u => u.Id).Distinct()];

    private static List<object> Distinct(IEnumerable<(string, PersonalRows Rows)> found) =>
        [.. found.SelectMany(f => f.Rows.Rows).Distinct(ReferenceEqualityComparer.Instance)];

    private static TablePolicy PolicyFor(string table) =>
        DataMap.For(table) ?? throw new InvalidOperationException($"The table {table} is not in the data map (src/Upon/DataProtection/DataMap.cs).");

    private static string ColumnOf(IProperty property) =>
        property.DeclaringType.GetTableName() is { } table
            ? property.GetColumnName(StoreObjectIdentifier.Table(table, property.DeclaringType.GetSchema())) ?? property.Name
            : property.Name;

    private static object? Blank(IProperty property) =>
        property.IsNullable ? null : property.ClrType == typeof(string) ? "" : Activator.CreateInstance(property.ClrType);

    /// <summary>
    /// The code that records only the code's major group (white-roma and white-other both become white), never a code a
    /// person could choose; null when the code is no group.
    /// </summary>
    public static string? MajorGroupOnly(string? code) => Upon.Core.Equality.Ethnicity.ToMajorGroupOnly(code);

    private static object? Pseudonymous(IProperty property, string pseudonym)
    {
        if (property.ClrType != typeof(string))
        {
            return Blank(property);
        }
        var name = property.Name;
        var value = name.Contains("Email", StringComparison.Ordinal) || name.Contains("UserName", StringComparison.Ordinal)
            ? $"erased-{pseudonym.ToLowerInvariant()}@{ErasedAddresses.Domain}"
            : name is "UserId" or "PersonId" ? $"erased-{pseudonym.ToLowerInvariant()}" : $"Erased {pseudonym}";
        return name.StartsWith("Normalized", StringComparison.Ordinal) ? value.ToUpperInvariant() : value;
    }

    private static object? Readable(object? value) => value switch
    {
        null => null,
        bool or int or long or short or double or decimal => value,
        _ => AuditChanges.Format(value),
    };

    /// <summary>Eight random hexadecimal digits: an erased person's new name, linked to nothing.</summary>
    public static string NewPseudonym() => Convert.ToHexString(RandomNumberGenerator.GetBytes(4));
}

/// <summary>One kind of record Upon holds about a person: the part of Upon, what it is, and how many.</summary>
public sealed record HeldData(string Feature, string Holds, int Rows);
