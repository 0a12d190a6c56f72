using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Upon.Data;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Data;

/// <summary>
/// The tables <see cref="TableMap.Named{T}"/> knows without the EF model (a command's checks and its import on SQLite) are
/// the model's, on both providers: each table's name, and every column named as its property.
/// </summary>
public abstract class TableMapTests(DatabaseFixture fixture)
{
    [SkippableFact]
    public async Task EveryNamedTable_IsTheModels_WithEachColumnNamedAsItsProperty()
    {
        fixture.RequireDatabase();
        await using var db = fixture.Database.CreateDbContext();

        Assert.NotEmpty(TableMap.TableNames);
        foreach (var (type, table) in TableMap.TableNames)
        {
            var entity = db.Model.FindEntityType(type);
            Assert.NotNull(entity);
            Assert.Equal(entity.GetTableName(), table);
            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            Assert.All(entity.GetProperties(), p => Assert.Equal(p.Name, p.GetColumnName(store)));
        }
    }

    [SkippableFact]
    public async Task Named_GivesWhatTheModelGives()
    {
        fixture.RequireDatabase();
        await using var db = fixture.Database.CreateDbContext();

        var named = TableMap.Named<Upon.Register.Appointment>(nameof(Upon.Register.Appointment.Id), nameof(Upon.Register.Appointment.StartDate));
        var fromModel = TableMap.Of<Upon.Register.Appointment>(db.Model, nameof(Upon.Register.Appointment.Id), nameof(Upon.Register.Appointment.StartDate));

        Assert.Equal(fromModel.Table, named.Table);
        Assert.Equal(fromModel.Columns, named.Columns);
        Assert.Throws<InvalidOperationException>(() => TableMap.Named<Upon.Register.PendingUpload>());
    }
}

public sealed class TableMapTests_Sqlite(SqliteDatabase fixture) : TableMapTests(fixture), IClassFixture<SqliteDatabase>;

public sealed class TableMapTests_Postgres(PostgresDatabase fixture) : TableMapTests(fixture), IClassFixture<PostgresDatabase>;
