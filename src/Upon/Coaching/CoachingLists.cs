namespace Upon.Coaching;

/// <summary>The <c>;</c>-separated lists stored in coaching columns.</summary>
public static class CoachingLists
{
    public static IReadOnlyList<string> Split(string? stored) =>
        [.. (stored ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    public static string Join(IEnumerable<string> items) =>
        string.Join(";", items.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    public static IReadOnlyList<int> SplitIds(string? stored) =>
        [.. Split(stored).Select(s => int.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0)];

    public static string JoinIds(IEnumerable<int> ids) =>
        string.Join(";", ids.Distinct().Order().Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
