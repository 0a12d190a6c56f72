using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Upon.Data;

namespace Upon.Tests.Data;

/// <summary>
/// Each provider's compiled EF Core model (src/Upon/Data/CompiledModels, used at run time to save building the model at
/// start-up) describes the same entities, tables, columns, keys, relationships and indexes as the model built from
/// the mappings: when the mappings change, regenerate it (README, "Start-up and the compiled models").
/// </summary>
public sealed class CompiledModelTests
{
    public static TheoryData<string> Contexts => new() { nameof(SqliteUponDbContext), nameof(PostgresUponDbContext) };

    [Theory]
    [MemberData(nameof(Contexts))]
    public void CompiledModel_MatchesTheModelBuiltFromTheMappings(string context)
    {
        using UponDbContext db = context == nameof(SqliteUponDbContext)
            ? new SqliteDesignTimeFactory().CreateDbContext([])
            : new PostgresDesignTimeFactory().CreateDbContext([]);

        var compiled = db.Model;
        var built = db.GetService<IDesignTimeModel>().Model;

        Assert.IsType<RuntimeModel>(compiled, exactMatch: false);
        Assert.NotSame(built, compiled);
        var expected = Describe(built);
        var actual = Describe(compiled);
        Assert.True(expected == actual,
            $"The compiled model of {context} is out of date: run `dotnet ef dbcontext optimize` as the README says.\n" + FirstDifference(expected, actual));
    }

    private static string FirstDifference(string expected, string actual)
    {
        var left = expected.Split('\n');
        var right = actual.Split('\n');
        for (var i = 0; i < Math.Max(left.Length, right.Length); i++)
        {
            var l = i < left.Length ? left[i] : "(nothing)";
            var r = i < right.Length ? right[i] : "(nothing)";
            if (l != r)
            {
                return $"built from the mappings: {l}\ncompiled:                {r}";
            }
        }
        return "";
    }

    /// <summary>The model as text: every entity type with its table, properties (type, column, nullability, length, conversion), keys, relationships and indexes.</summary>
    private static string Describe(IModel model)
    {
        var text = new StringBuilder();
        foreach (var entity in model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var table = StoreObjectIdentifier.Create(entity, StoreObjectType.Table);
            text.Append("entity ").Append(entity.Name).Append(" table ").Append(entity.GetSchema()).Append('.').Append(entity.GetTableName())
                .Append(" base ").Append(entity.BaseType?.Name).Append('\n');
            foreach (var property in entity.GetProperties().OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                text.Append("  property ").Append(property.Name).Append(' ').Append(property.ClrType.FullName)
                    .Append(" column ").Append(table is { } t ? property.GetColumnName(t) : property.GetColumnName())
                    .Append(" nullable ").Append(property.IsNullable)
                    .Append(" max ").Append(property.GetMaxLength())
                    .Append(" generated ").Append(property.ValueGenerated)
                    .Append(" concurrency ").Append(property.IsConcurrencyToken)
                    .Append(" converter ").Append(property.GetValueConverter()?.ProviderClrType.FullName)
                    .Append('\n');
            }
            foreach (var key in entity.GetKeys().OrderBy(k => Names(k.Properties), StringComparer.Ordinal))
            {
                text.Append("  key ").Append(Names(key.Properties)).Append(key.IsPrimaryKey() ? " primary" : "").Append('\n');
            }
            foreach (var foreignKey in entity.GetForeignKeys().OrderBy(f => f.PrincipalEntityType.Name + Names(f.Properties), StringComparer.Ordinal))
            {
                text.Append("  foreign key ").Append(Names(foreignKey.Properties)).Append(" -> ").Append(foreignKey.PrincipalEntityType.Name)
                    .Append(' ').Append(Names(foreignKey.PrincipalKey.Properties)).Append(" on delete ").Append(foreignKey.DeleteBehavior)
                    .Append(" unique ").Append(foreignKey.IsUnique).Append(" required ").Append(foreignKey.IsRequired).Append('\n');
            }
            foreach (var index in entity.GetIndexes().OrderBy(i => Names(i.Properties), StringComparer.Ordinal))
            {
                text.Append("  index ").Append(Names(index.Properties)).Append(" unique ").Append(index.IsUnique)
                    .Append(" name ").Append(index.Name).Append('\n');
            }
            foreach (var navigation in entity.GetNavigations().OrderBy(n => n.Name, StringComparer.Ordinal))
            {
                text.Append("  navigation ").Append(navigation.Name).Append(" -> ").Append(navigation.TargetEntityType.Name).Append('\n');
            }
        }
        return text.ToString();
    }

    private static string Names(IEnumerable<IReadOnlyProperty> properties) => string.Join(",", properties.Select(p => p.Name));
}
