using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Upon.Audit;

/// <summary>Turns tracked changes into audit events, leaving out the values of secrets.</summary>
public static class AuditChanges
{
    private static readonly HashSet<string> Secrets = new(StringComparer.Ordinal)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "TokenHash", "ResumeTokenHash", "ProtectedToken", "CalendarTokenHash", "AuthenticatorKey", "Value", "Xml", "FileContent",
    };

    /// <summary>A change captured before saving; its key is read after saving, when generated keys are known.</summary>
    public sealed record Pending(EntityEntry Entry, string Action, string? Changes);

    /// <summary>
    /// The changes about to be saved. A field for which <paramref name="valueWithheld"/> (table, column) is true, such as
    /// special-category data, is recorded as changed without its values, as a secret is; when <paramref name="erasing"/>,
    /// every field is (an erasure must not copy what it erases into the log), under the action "erased".
    /// </summary>
    public static List<Pending> Capture(DbContext context, bool erasing = false, Func<string?, string, bool>? valueWithheld = null)
    {
        var pending = new List<Pending>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.Entity is AuditEvent)
            {
                if (entry.State is EntityState.Modified or EntityState.Deleted)
                {
                    throw new InvalidOperationException("The audit log is append-only.");
                }
                continue;
            }
            if (Attribute.IsDefined(entry.Metadata.ClrType, typeof(Upon.Shared.NotAuditedAttribute), inherit: false))
            {
                // Anonymous records: an audit line would name who saved them and when.
                continue;
            }
            var action = entry.State switch
            {
                EntityState.Added => AuditActions.Created,
                EntityState.Modified => AuditActions.Updated,
                EntityState.Deleted => AuditActions.Deleted,
                _ => null,
            };
            if (action is null)
            {
                continue;
            }
            var table = entry.Metadata.GetTableName();
            var fields = new Dictionary<string, object?>();
            foreach (var property in entry.Properties)
            {
                if (property.Metadata.IsPrimaryKey() && entry.State == EntityState.Added)
                {
                    continue;
                }
                var changed = entry.State switch
                {
                    EntityState.Added => property.CurrentValue is not null,
                    EntityState.Deleted => true,
                    _ => property.IsModified && !Equals(property.OriginalValue, property.CurrentValue),
                };
                if (!changed)
                {
                    continue;
                }
                var name = property.Metadata.Name;
                fields[name] = erasing || Secrets.Contains(name) || valueWithheld?.Invoke(table, name) == true
                    ? new { changed = true }
                    : new
                    {
                        old = entry.State == EntityState.Added ? null : Format(property.OriginalValue),
                        @new = entry.State == EntityState.Deleted ? null : Format(property.CurrentValue),
                    };
            }
            if (entry.State == EntityState.Modified && fields.Count == 0)
            {
                continue;
            }
            pending.Add(new Pending(entry, erasing ? AuditActions.Erased : action, fields.Count == 0 ? null : JsonSerializer.Serialize(fields)));
        }
        return pending;
    }

    public static string KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Format(entry.Property(p.Name).CurrentValue)));

    public static string? Format(object? value) => value switch
    {
        null => null,
        NodaTime.LocalDate date => Format(date),
        NodaTime.Instant instant => NodaTime.Text.InstantPattern.General.Format(instant),
        bool b => Format(b),
        byte[] bytes => $"({bytes.Length} bytes)",
        string text => text,
        System.Collections.IEnumerable items => string.Join(", ", items.Cast<object?>().Select(Format)),
        Enum e => e.ToString(),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>A date as <see cref="Format(object?)"/> writes it, without boxing (for lines written in bulk).</summary>
    public static string Format(NodaTime.LocalDate date) => NodaTime.Text.LocalDatePattern.Iso.Format(date);

    /// <summary>A flag as <see cref="Format(object?)"/> writes it, without boxing (for lines written in bulk).</summary>
    public static string Format(bool flag) => flag ? "true" : "false";
}
