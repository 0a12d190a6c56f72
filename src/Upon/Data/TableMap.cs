using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Upon.Data;

/// <summary>
/// A table's quoted name, and its columns' quoted names and store types, from the EF model, for SQL written by hand (the
/// bulk writer's and reader's): the two cannot drift apart. Binary COPY names each value's type from the store type, so
/// that no Npgsql type appears outside its PostgreSQL path (a SQLite server then never loads Npgsql's assembly).
/// </summary>
internal sealed record TableMap(string Table, string[] Columns, string[] StoreTypes)
{
    public static TableMap Of<T>(IModel model, params string[] properties)
    {
        var entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var mapped = properties.Select(p => entity.FindProperty(p) ?? throw new InvalidOperationException($"{typeof(T).Name}.{p} is not mapped.")).ToList();
        return new TableMap(Quote(entity.GetTableName()!), [.. mapped.Select(p => Quote(p.GetColumnName(store)!))], [.. mapped.Select(p => StoreType(p.GetColumnType(store)))]);
    }

    /// <summary>A name quoted for both providers (SQLite and PostgreSQL both quote with double quotes).</summary>
    public static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    /// <summary>The columns in the order given, separated by commas, for a select or insert list.</summary>
    public string ColumnList => string.Join(", ", Columns);

    /// <summary>The column's type without its length ("character varying(100)" is written as "character varying").</summary>
    private static string StoreType(string columnType) =>
        columnType.IndexOf('(', StringComparison.Ordinal) is var open and > 0 ? columnType[..open].TrimEnd() : columnType;
}
