using System.Data.Common;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Upon.Data;
using Upon.Impact;
using Upon.Register;
using Upon.SessionFeedback;
using Upon.Sessions;
using Upon.Shared.Security;

namespace Upon;

/// <summary>
/// Whether every set-up step of <see cref="UponServices.InitialiseAsync(IServiceProvider, bool, bool, bool, CancellationToken)"/>
/// would find its data in place, asked in one plain query: every role, every standing strand, the standard feedback form,
/// the authorities, the bank holidays and the workforce figures. Each step asks the same of its own table with an EF
/// query, and an EF query costs a process about 0.2 s the first time (its query pipeline made ready), which a command
/// that makes no other (an import, a report) need not pay. When any answer is no, the steps run as they always do.
/// </summary>
public static class SetUpCheck
{
    public static Task<bool> IsCompleteAsync(UponDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.WithOpenConnectionAsync(connection => IsCompleteAsync(connection, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// The same question asked on an open connection: the table and column names are <see cref="TableMap.Named{T}"/>'s, so
    /// that on a SQLite connection of its own (<see cref="DatabaseConnections"/>) asking does not build EF Core's model.
    /// </summary>
    public static async Task<bool> IsCompleteAsync(DbConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var roles = TableMap.Named<IdentityRole>(nameof(IdentityRole.Name));
        var strands = TableMap.Named<Strand>(nameof(Strand.Slug));
        var forms = TableMap.Named<FeedbackForm>(nameof(FeedbackForm.StrandId), nameof(FeedbackForm.SessionType));
        var slugs = StrandSetup.Defaults().Select(s => s.Slug).ToList();
        await using var command = connection.CreateCommand();
        ConnectionUse.BindValues(command, "r", Roles.All);
        ConnectionUse.BindValues(command, "s", slugs);
        command.CommandText = $"""
            SELECT
              (SELECT COUNT(DISTINCT {roles.Columns[0]}) FROM {roles.Table} WHERE {roles.Columns[0]} IN ({ConnectionUse.ValueNames("r", Roles.All.Count)})),
              (SELECT COUNT(DISTINCT {strands.Columns[0]}) FROM {strands.Table} WHERE {strands.Columns[0]} IN ({ConnectionUse.ValueNames("s", slugs.Count)})),
              {ConnectionUse.Exists($"{forms.Table} WHERE {forms.Columns[0]} IS NULL AND {forms.Columns[1]} IS NULL")},
              {ConnectionUse.Exists(TableMap.Named<Authority>().Table)},
              {ConnectionUse.Exists(TableMap.Named<BankHoliday>().Table)},
              {ConnectionUse.Exists(TableMap.Named<WorkforceEthnicityFigure>().Table)} + {ConnectionUse.Exists(TableMap.Named<CensusEthnicityFigure>().Table)}
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            && Number(reader, 0) == Roles.All.Count
            && Number(reader, 1) == slugs.Count
            && Number(reader, 2) > 0 && Number(reader, 3) > 0 && Number(reader, 4) > 0 && Number(reader, 5) > 0;
    }

    private static long Number(DbDataReader reader, int ordinal) => Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);
}
