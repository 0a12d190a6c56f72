using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Upon.Data;

/// <summary>Holding one row for the rest of a transaction, so that whoever else wants to change it waits.</summary>
public static class RowLocks
{
    /// <summary>
    /// Locks the row of <typeparamref name="TEntity"/> whose <c>Id</c> is <paramref name="id"/> until the current transaction
    /// ends: <c>SELECT ... FOR UPDATE</c> on PostgreSQL. On SQLite there is nothing to do: Upon's transactions begin
    /// IMMEDIATE, so the transaction already holds the database's write lock.
    /// </summary>
    public static async Task LockRowAsync<TEntity>(this UponDbContext db, int id, CancellationToken cancellationToken = default)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsPostgres())
        {
            return;
        }
        var table = db.Model.FindEntityType(typeof(TEntity))?.GetTableName()
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not part of the model.");
        var sql = db.GetService<ISqlGenerationHelper>();
        // The table name comes from the model, never from input, and is quoted by the provider; the id is a parameter.
#pragma warning disable EF1002
        await db.Database.ExecuteSqlRawAsync($"SELECT 1 FROM {sql.DelimitIdentifier(table)} WHERE {sql.DelimitIdentifier("Id")} = {{0}} FOR UPDATE", [id], cancellationToken);
#pragma warning restore EF1002
    }
}
