namespace Upon.Core.Coaching;

/// <summary>The kinds of local authority with children's services, told apart by the GSS entity code.</summary>
public enum AuthorityKind
{
    /// <summary>A county council (GSS entity E10).</summary>
    County,

    /// <summary>A metropolitan borough (GSS entity E08).</summary>
    Metropolitan,

    /// <summary>A London borough (GSS entity E09).</summary>
    London,

    /// <summary>A unitary authority (GSS entity E06).</summary>
    Unitary,
}

/// <summary>The codes of <see cref="AuthorityKind"/> used in CSV files and on the command line, and the GSS mapping.</summary>
public static class AuthorityKinds
{
    private static readonly Dictionary<AuthorityKind, string> Codes = new()
    {
        [AuthorityKind.County] = "county",
        [AuthorityKind.Metropolitan] = "metropolitan",
        [AuthorityKind.London] = "london",
        [AuthorityKind.Unitary] = "unitary",
    };

    private static readonly Dictionary<string, AuthorityKind> ByCode =
        Codes.ToDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>All codes, in display order.</summary>
    public static IReadOnlyList<string> AllCodes { get; } = [.. Codes.Values];

    /// <summary>The kind's code, such as <c>metropolitan</c>.</summary>
    public static string ToCode(this AuthorityKind kind) => Codes[kind];

    /// <summary>How the kind reads in a sentence: "a county", "a London borough".</summary>
    public static string Describe(this AuthorityKind kind) => kind switch
    {
        AuthorityKind.County => "a county",
        AuthorityKind.Metropolitan => "a metropolitan borough",
        AuthorityKind.London => "a London borough",
        _ => "a unitary authority",
    };

    /// <summary>Reads a kind's code, ignoring case and surrounding spaces; false if it is not one.</summary>
    public static bool TryParse(string? code, out AuthorityKind kind) => ByCode.TryGetValue(code?.Trim() ?? "", out kind);

    /// <summary>
    /// The kind of authority a GSS code names, from its entity (first three characters): E10 county, E08 metropolitan
    /// borough, E09 London borough, E06 unitary; null for any other entity.
    /// </summary>
    public static AuthorityKind? FromGssCode(string? gssCode) =>
        gssCode is { Length: >= 3 } ? gssCode[..3].ToUpperInvariant() switch
        {
            "E10" => AuthorityKind.County,
            "E08" => AuthorityKind.Metropolitan,
            "E09" => AuthorityKind.London,
            "E06" => AuthorityKind.Unitary,
            _ => null,
        } : null;
}
