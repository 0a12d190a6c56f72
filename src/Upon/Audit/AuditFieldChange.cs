using System.Text.Json;

namespace Upon.Audit;

/// <summary>
/// One field of an audit event's changes, to show people: its name, its value before and after (null when there was
/// none), or only that it changed, for a secret whose values are never logged.
/// </summary>
public sealed record AuditFieldChange(string Field, string? Old, string? New, bool ValueWithheld)
{
    /// <summary>
    /// The fields of <see cref="AuditEvent.Changes"/> (<c>{"Name":{"old":"A","new":"B"},"PasswordHash":{"changed":true}}</c>),
    /// in the order they were written. Text that is not such an object is shown as one field called "changes".
    /// </summary>
    public static IReadOnlyList<AuditFieldChange> Parse(string? changes)
    {
        if (string.IsNullOrWhiteSpace(changes))
        {
            return [];
        }
        try
        {
            using var document = JsonDocument.Parse(changes);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return [new AuditFieldChange("changes", null, changes, false)];
            }
            var fields = new List<AuditFieldChange>();
            foreach (var field in document.RootElement.EnumerateObject())
            {
                if (field.Value.ValueKind != JsonValueKind.Object)
                {
                    fields.Add(new AuditFieldChange(field.Name, null, Text(field.Value), false));
                    continue;
                }
                var withheld = field.Value.TryGetProperty("changed", out _) && !field.Value.TryGetProperty("new", out _);
                fields.Add(new AuditFieldChange(
                    field.Name,
                    field.Value.TryGetProperty("old", out var old) ? Text(old) : null,
                    field.Value.TryGetProperty("new", out var @new) ? Text(@new) : null,
                    withheld));
            }
            return fields;
        }
        catch (JsonException)
        {
            return [new AuditFieldChange("changes", null, changes, false)];
        }
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText(),
    };
}
