using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Upon.Data;

/// <summary>
/// Plain SQL on a context's own connection, for the few reads on a command's or the server's way to its first answer: the
/// first EF Core query in a process costs about 0.2 s (its query pipeline made ready), more than they do.
/// </summary>
internal static class ConnectionUse
{
    /// <summary>
    /// Runs <paramref name="work"/> with the context's connection open: opened for it and closed after unless it was open
    /// already (in the caller's transaction, say), in which case it stays as it was.
    /// </summary>
    public static async Task<T> WithOpenConnectionAsync<T>(this UponDbContext db, Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }
        try
        {
            return await work(connection);
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>
    /// Whether <c>SELECT 1 FROM <paramref name="fromWhere"/></c> finds a row, with one plain query; each value of
    /// <paramref name="values"/> is bound as <c>@v0</c>, <c>@v1</c> ... (<see cref="ValueNames"/> with the prefix <c>v</c>).
    /// </summary>
    public static Task<bool> ExistsAsync(this UponDbContext db, string fromWhere, IReadOnlyList<object> values, CancellationToken cancellationToken) =>
        db.WithOpenConnectionAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {Exists(fromWhere)}";
            BindValues(command, "v", values);
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 1;
        }, cancellationToken);

    /// <summary>1 when <c>SELECT 1 FROM <paramref name="fromWhere"/></c> finds a row, else 0: a number on both providers, where EXISTS is a flag on one and a number on the other.</summary>
    public static string Exists(string fromWhere) => $"(CASE WHEN EXISTS (SELECT 1 FROM {fromWhere}) THEN 1 ELSE 0 END)";

    /// <summary>The names <see cref="BindValues"/> binds <paramref name="count"/> values as (<c>@{prefix}0</c>, ...), for an <c>IN</c> list.</summary>
    public static string ValueNames(string prefix, int count) => string.Join(", ", Enumerable.Range(0, count).Select(i => $"@{prefix}{i}"));

    /// <summary>Binds each value as <c>@{prefix}0</c>, <c>@{prefix}1</c> ...: a short, fixed list from this build, never the rows of a file.</summary>
    public static void BindValues(DbCommand command, string prefix, IReadOnlyList<object> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@{prefix}{i}";
            parameter.Value = values[i];
            command.Parameters.Add(parameter);
        }
    }
}
