using System.Data.Common;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Upon.Data;
using Upon.Impact;
using Upon.Register;
using Upon.SessionFeedback;
using Upon.Sessions;
using Upon.Shared.Security;

namespace Upon;

/// <summary>
/// Whether every set-up step of <see cref="UponServices.InitialiseAsync(IServiceProvider, bool, bool, CancellationToken)"/>
/// would find its data in place, asked in one plain query: every role, every standing strand, the standard feedback form,
/// the authorities, the bank holidays and the workforce figures. Each step asks the same of its own table with an EF
/// query, and an EF query costs a process about 0.2 s the first time (its query pipeline made ready), which a command
/// that makes no other (an import, a report) need not pay. When any answer is no, the steps run as they always do.
/// </summary>
public static class SetUpCheck
{
    public static async Task<bool> IsCompleteAsync(UponDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var roles = TableMap.Of<IdentityRole>(db.Model, nameof(IdentityRole.Name));
        var strands = TableMap.Of<Strand>(db.Model, nameof(Strand.Slug));
        var forms = TableMap.Of<FeedbackForm>(db.Model, nameof(FeedbackForm.StrandId), nameof(FeedbackForm.SessionType));
        var slugs = StrandSetup.Defaults().Select(s => s.Slug).ToList();
        return await db.WithOpenConnectionAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            ConnectionUse.BindValues(command, "r", Roles.All);
            ConnectionUse.BindValues(command, "s", slugs);
            command.CommandText = $"""
                SELECT
                  (SELECT COUNT(DISTINCT {roles.Columns[0]}) FROM {roles.Table} WHERE {roles.Columns[0]} IN ({ConnectionUse.ValueNames("r", Roles.All.Count)})),
                  (SELECT COUNT(DISTINCT {strands.Columns[0]}) FROM {strands.Table} WHERE {strands.Columns[0]} IN ({ConnectionUse.ValueNames("s", slugs.Count)})),
                  {ConnectionUse.Exists($"{forms.Table} WHERE {forms.Columns[0]} IS NULL AND {forms.Columns[1]} IS NULL")},
                  {ConnectionUse.Exists(TableMap.Of<Authority>(db.Model).Table)},
                  {ConnectionUse.Exists(TableMap.Of<BankHoliday>(db.Model).Table)},
                  {ConnectionUse.Exists(TableMap.Of<WorkforceEthnicityFigure>(db.Model).Table)} + {ConnectionUse.Exists(TableMap.Of<CensusEthnicityFigure>(db.Model).Table)}
                """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken)
                && Number(reader, 0) == Roles.All.Count
                && Number(reader, 1) == slugs.Count
                && Number(reader, 2) > 0 && Number(reader, 3) > 0 && Number(reader, 4) > 0 && Number(reader, 5) > 0;
        }, cancellationToken);
    }

    private static long Number(DbDataReader reader, int ordinal) => Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);
}
