using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Upon.Data;
using Upon.DataProtection;
using Upon.Tests.Infrastructure;
using Xunit;

namespace Upon.Tests.DataProtection;

/// <summary>
/// The data map is whole: every table and column of both providers' models is in it (and nothing else), every erasure it
/// asks for can be done, and the README's privacy section is exactly what it generates.
/// </summary>
public class DataMapTests
{
    public static IEnumerable<object[]> Providers => [["Sqlite"], ["Postgres"]];

    private static IModel ModelOf(string provider)
    {
        using DbContext db = provider == "Sqlite" ? new SqliteDesignTimeFactory().CreateDbContext([]) : new PostgresDesignTimeFactory().CreateDbContext([]);
        return db.Model;
    }

    private static IEnumerable<(string Table, string Column, IProperty Property, IEntityType Entity)> ColumnsOf(IModel model) =>
        from entity in model.GetEntityTypes()
        let table = entity.GetTableName()
        where table is not null
        from property in entity.GetProperties()
        select (table, property.GetColumnName(StoreObjectIdentifier.Table(table, entity.GetSchema())) ?? property.Name, property, entity);

    [Theory]
    [MemberData(nameof(Providers))]
    public void EveryTableAndColumnOfTheModel_IsInTheDataMap(string provider)
    {
        var missing = Missing(ModelOf(provider), DataMap.Tables);
        Assert.True(missing.Length == 0, missing);
    }

    [Fact]
    public void TheCheck_NamesAMissingColumnAndTellsHowToAddIt()
    {
        var without = DataMap.Tables.Select(t => t.Table == "participants" ? t with { Columns = [.. t.Columns.Where(c => c.Name != "Email")] } : t)
            .Where(t => t.Table != "apologies").ToList();
        var message = Missing(ModelOf("Sqlite"), without);
        Assert.Contains("participants.Email", message, StringComparison.Ordinal);
        Assert.Contains("Table \"apologies\"", message, StringComparison.Ordinal);
        Assert.Contains("src/Upon/DataProtection/DataMap.cs", message, StringComparison.Ordinal);
        Assert.Contains("Col(\"Reason\", DataCategory.", message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void TheDataMap_NamesNoTableOrColumnTheModelDoesNotHave(string provider)
    {
        var columns = ColumnsOf(ModelOf(provider)).Select(c => (c.Table, c.Column)).ToHashSet();
        var stale = DataMap.Tables.SelectMany(t => t.Columns.Select(c => (t.Table, c.Name))).Where(c => !columns.Contains(c)).ToList();
        Assert.True(stale.Count == 0, "The data map names columns that do not exist (remove them from src/Upon/DataProtection/DataMap.cs): " + string.Join(", ", stale.Select(s => $"{s.Table}.{s.Name}")));
        Assert.Equal(DataMap.Tables.Count, DataMap.Tables.Select(t => t.Table).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void EveryErasureTheMapAsksFor_CanBeDone(string provider)
    {
        var wrong = new List<string>();
        foreach (var (table, column, property, _) in ColumnsOf(ModelOf(provider)))
        {
            var policy = DataMap.For(table)?.Column(column);
            if (policy is null || policy.Erasure == ColumnErasure.Keep || DataMap.For(table)!.RowErasure == RowErasure.DeleteRow)
            {
                continue;
            }
            if (property.IsPrimaryKey())
            {
                wrong.Add($"{table}.{column} is a key and cannot be erased");
            }
            if (policy.Erasure == ColumnErasure.Blank && !property.IsNullable && property.ClrType != typeof(string))
            {
                wrong.Add($"{table}.{column} is required and not text: it cannot be blanked");
            }
            if (policy.Erasure == ColumnErasure.Pseudonymise && property.ClrType != typeof(string))
            {
                wrong.Add($"{table}.{column} is not text: it cannot hold a pseudonym");
            }
        }
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Fact]
    public void EveryTableWithPersonalData_SaysWhyHowLongAndWhatErasureDoes()
    {
        foreach (var table in DataMap.Tables.Where(t => t.HoldsPersonalData))
        {
            Assert.False(string.IsNullOrWhiteSpace(table.Purpose), table.Table);
            Assert.False(string.IsNullOrWhiteSpace(table.LawfulBasis), table.Table);
            Assert.False(string.IsNullOrWhiteSpace(table.Recipients), table.Table);
            Assert.False(string.IsNullOrWhiteSpace(table.Retention.Text), table.Table);
            Assert.False(string.IsNullOrWhiteSpace(table.ErasureNote), table.Table);
        }
        Assert.True(DataMap.IsSpecialCategory("equality_information", "EthnicityCode"));
        Assert.False(DataMap.IsSpecialCategory("participants", "GivenName"));
    }

    [Fact]
    public void TheReadmePrivacySection_IsWhatTheDataMapGenerates()
    {
        var readme = File.ReadAllText(Path.Combine(SourceTree.Root, "README.md")).ReplaceLineEndings("\n");
        var start = readme.IndexOf(DataMapDocument.ReadmeStart, StringComparison.Ordinal);
        var end = readme.IndexOf(DataMapDocument.ReadmeEnd, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"README.md has no generated data map section; paste the output of `upon privacy map` into its \"Privacy\" section.");
        var section = readme[start..(end + DataMapDocument.ReadmeEnd.Length)] + "\n";
        Assert.True(section == DataMapDocument.Markdown(), "README.md's data map section is not what the data map generates: replace it with the output of `dotnet run --project src/Upon -- privacy map`.");
    }

    /// <summary>What is missing from <paramref name="map"/>, as the lines to add, or "" when nothing is.</summary>
    private static string Missing(IModel model, IReadOnlyList<TablePolicy> map)
    {
        var byTable = map.ToDictionary(t => t.Table);
        var text = new StringBuilder();
        foreach (var table in ColumnsOf(model).GroupBy(c => c.Table).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (!byTable.TryGetValue(table.Key, out var policy))
            {
                text.Append($"Table \"{table.Key}\" ({table.First().Entity.ClrType.FullName}) is not in the data map. Add it to DataMap.Tables in src/Upon/DataProtection/DataMap.cs, with what it holds, its purpose, lawful basis, recipients, retention and row erasure, and every column classified:\n");
                text.Append($"    new(\"{table.Key}\", \"what it holds\", \"purpose\", LAWFUL_BASIS, RECIPIENTS, RETENTION, RowErasure.DeleteRow or KeepRow, \"what erasure does, for people\",\n        [");
                text.Append(string.Join(", ", table.Select(c => c.Property.IsKey() ? $"Key(\"{c.Column}\")" : $"Col(\"{c.Column}\", DataCategory.CATEGORY, ColumnErasure.ACTION)")));
                text.Append("]),\n");
                continue;
            }
            foreach (var column in table.Where(c => policy.Column(c.Column) is null))
            {
                text.Append($"Column {table.Key}.{column.Column} is not in the data map. Add to the \"{table.Key}\" table in src/Upon/DataProtection/DataMap.cs: Col(\"{column.Column}\", DataCategory.Identity|Contact|SpecialCategory|ProgrammeRecord|Audit|Credential|NotPersonal, ColumnErasure.Keep|Blank|Pseudonymise)\n");
            }
        }
        return text.ToString();
    }
}
