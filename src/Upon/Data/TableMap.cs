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

    /// <summary>
    /// The table and columns of <typeparamref name="T"/> by name alone, without the EF model, for the SQL a command runs
    /// on SQLite before or without any EF Core query (the start's checks, an import): building the model for their names
    /// cost a command 0.13 s (bench/README.md, thirty-fourth round). Each of these tables names its columns as their
    /// properties; tests/Upon.Tests/Data/TableMapTests.cs checks every table and column against the model on both
    /// providers. No store types: only PostgreSQL's binary COPY needs them, and it takes its maps from the model.
    /// </summary>
    public static TableMap Named<T>(params string[] properties) =>
        new(Quote(TableNames.TryGetValue(typeof(T), out var table) ? table : throw new InvalidOperationException($"{typeof(T).Name} has no table name in TableMap.TableNames.")),
            [.. properties.Select(Quote)], []);

    /// <summary>The tables <see cref="Named{T}"/> knows, by entity type.</summary>
    public static readonly IReadOnlyDictionary<Type, string> TableNames = new Dictionary<Type, string>
    {
        [typeof(Microsoft.AspNetCore.Identity.IdentityRole)] = "AspNetRoles",
        [typeof(Upon.Register.Region)] = "regions",
        [typeof(Upon.Register.Authority)] = "authorities",
        [typeof(Upon.Register.AuthorityGssCode)] = "authority_gss_codes",
        [typeof(Upon.Register.Person)] = "people",
        [typeof(Upon.Register.Appointment)] = "appointments",
        [typeof(Upon.Audit.AuditEvent)] = "audit_events",
        [typeof(Upon.Shared.Figures.DataVersion)] = "data_versions",
        [typeof(Upon.Sessions.Strand)] = "strands",
        [typeof(Upon.SessionFeedback.FeedbackForm)] = "feedback_forms",
        [typeof(Upon.SessionFeedback.FeedbackQuestion)] = "feedback_questions",
        [typeof(Upon.Sessions.BankHoliday)] = "bank_holidays",
        [typeof(Upon.Impact.WorkforceEthnicityFigure)] = "workforce_ethnicity",
        [typeof(Upon.Impact.CensusEthnicityFigure)] = "census_ethnicity",
    };

    /// <summary>A name quoted for both providers (SQLite and PostgreSQL both quote with double quotes).</summary>
    public static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    /// <summary>The columns in the order given, separated by commas, for a select or insert list.</summary>
    public string ColumnList => string.Join(", ", Columns);

    /// <summary>The column's type without its length ("character varying(100)" is written as "character varying").</summary>
    private static string StoreType(string columnType) =>
        columnType.IndexOf('(', StringComparison.Ordinal) is var open and > 0 ? columnType[..open].TrimEnd() : columnType;
}
