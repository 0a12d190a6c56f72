using System.Data.Common;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Upon.Accounts;
using Upon.Audit;
using Upon.Email;
using Upon.Register;
using Upon.Shared.Figures;

namespace Upon.Data;

/// <summary>
/// Raises <see cref="DataVersion"/> when a transaction that changed figure data commits: the change tracker's saves
/// (<see cref="UponDbContext.SaveChangesAsync(bool, CancellationToken)"/>) and the bulk writer mark their context, and
/// this interceptor adds one <c>UPDATE</c> just before the commit, so the new version becomes visible together with the
/// data, never before it. Taking the row's lock last keeps it for the shortest time: writers queue only at commit.
/// Statements that bypass the change tracker (<c>ExecuteUpdate</c>, <c>ExecuteDelete</c>, raw SQL) count too: one that
/// writes a figure table marks its transaction, or, run on its own outside a transaction, raises the version at once.
/// </summary>
public sealed partial class DataVersions : DbTransactionInterceptor, IDbCommandInterceptor
{
    /// <summary>
    /// Rows that no figure is computed from: the audit log (appended on every read of special-category data and every
    /// sign-in), the outbox, data protection keys, API token usage, pending uploads, leases and the stored figures
    /// themselves. Changing only these keeps the cached figures.
    /// </summary>
    public static bool AffectsFigures(Type entity) =>
        entity != typeof(AuditEvent) && entity != typeof(OutboxMessage) && entity != typeof(OutboxAttachment)
        && entity != typeof(DataProtectionKey) && entity != typeof(ApiToken) && entity != typeof(PendingUpload)
        && entity != typeof(Upon.Shared.Leases.Lease) && entity != typeof(StoredFigure);

    /// <summary>
    /// An account's sign-in bookkeeping: failed attempts, lockout and its stamps. No figure reads them, and a refused
    /// sign-in writes them, so that changing only these keeps the cached figures (any sign-in attempt would clear them otherwise).
    /// </summary>
    private static readonly HashSet<string> SignInBookkeeping = new(StringComparer.Ordinal)
    {
        nameof(UponUser.AccessFailedCount), nameof(UponUser.LockoutEnd), nameof(UponUser.ConcurrencyStamp), nameof(UponUser.SecurityStamp),
    };

    /// <summary>Whether saving <paramref name="entry"/> changes data that figures are computed from.</summary>
    public static bool AffectsFigures(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || !AffectsFigures(entry.Metadata.ClrType))
        {
            return false;
        }
        return entry.State != EntityState.Modified || entry.Entity is not UponUser
            || entry.Properties.Any(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue) && !SignInBookkeeping.Contains(p.Metadata.Name));
    }

    /// <summary>
    /// The statement that raises the version. Its names come from <see cref="TableMap.Named{T}"/>, not the EF model, so that
    /// an import that wrote on its own connection can raise the version without loading the model.
    /// </summary>
    public static readonly string BumpSql = BuildBumpSql();

    private static string BuildBumpSql()
    {
        var (table, columns, _) = TableMap.Named<DataVersion>(nameof(DataVersion.Id), nameof(DataVersion.Version));
        return $"UPDATE {table} SET {columns[1]} = {columns[1]} + 1 WHERE {columns[0]} = {DataVersion.RowId}";
    }

    public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (eventData.Context is UponDbContext db && db.TakeFigureDataChange())
        {
            using var command = Bump(transaction);
            command.ExecuteNonQuery();
        }
        return result;
    }

    public override async ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is UponDbContext db && db.TakeFigureDataChange())
        {
            await using var command = Bump(transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        return result;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        (eventData.Context as UponDbContext)?.TakeFigureDataChange();

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as UponDbContext)?.TakeFigureDataChange();
        return Task.CompletedTask;
    }

    /// <summary>The statement that raises the version, in <paramref name="transaction"/>.</summary>
    internal static DbCommand Bump(DbTransaction transaction)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = BumpSql;
        return command;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        if (WroteFigureData(command, eventData, result) is { } db)
        {
            if (command.Transaction is null)
            {
                using var bump = command.Connection!.CreateCommand();
                bump.CommandText = BumpSql;
                bump.ExecuteNonQuery();
            }
            else
            {
                db.MarkFigureDataChanged();
            }
        }
        return result;
    }

    public async ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (WroteFigureData(command, eventData, result) is { } db)
        {
            if (command.Transaction is null)
            {
                await using var bump = command.Connection!.CreateCommand();
                bump.CommandText = BumpSql;
                await bump.ExecuteNonQueryAsync(cancellationToken);
            }
            else
            {
                db.MarkFigureDataChanged();
            }
        }
        return result;
    }

    /// <summary>
    /// The context, when <paramref name="command"/> (a statement run without the change tracker) changed rows of a
    /// table figures are computed from.
    /// </summary>
    private static UponDbContext? WroteFigureData(DbCommand command, CommandExecutedEventData eventData, int rows)
    {
        // Migrations write the schema, its seed rows and their history, not figure data (and may run before data_versions exists).
        if (rows == 0 || eventData.CommandSource == CommandSource.Migrations || eventData.Context is not UponDbContext db
            || Written().Match(command.CommandText) is not { Success: true } written)
        {
            return null;
        }
        var table = written.Groups["table"].Value;
        var entity = db.Model.GetEntityTypes().FirstOrDefault(t => string.Equals(t.GetTableName(), table, StringComparison.Ordinal));
        // A table the model does not know (a raw statement's own) is assumed to matter.
        return entity is null || AffectsFigures(entity.ClrType) ? db : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex("""\A(?:\s*--[^\n]*\n)*\s*(?:UPDATE|DELETE\s+FROM|INSERT\s+INTO)\s+"?(?<table>[^"\s(]+)"?""",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Written();
}
