using System.Text.RegularExpressions;

namespace Upon.Core.Coaching;

/// <summary>
/// The characteristics a coach may consent to be matched on and a participant may ask their coach to share. The fixed
/// list is <see cref="Standard"/>; staff can add more, each a short lower-case code.
/// </summary>
public static partial class Characteristics
{
    public const string Woman = "woman";
    public const string GlobalMajority = "global-majority";
    public const string Disabled = "disabled";
    public const string Lgbtq = "lgbtq";
    public const string CareExperienced = "care-experienced";

    /// <summary>The fixed list, in display order.</summary>
    public static IReadOnlyList<string> Standard { get; } = [Woman, GlobalMajority, Disabled, Lgbtq, CareExperienced];

    /// <summary>The longest code staff may add.</summary>
    public const int MaxCodeLength = 40;

    /// <summary>Whether <paramref name="code"/> is well formed: lower-case letters, digits and single hyphens.</summary>
    public static bool IsWellFormed(string? code) =>
        code is { Length: > 0 and <= MaxCodeLength } && CodePattern().IsMatch(code);

    /// <summary>How a characteristic is shown to staff and to the participant who asked for it.</summary>
    public static string Describe(string code) => code switch
    {
        Woman => "a woman",
        GlobalMajority => "from a global majority background",
        Disabled => "disabled",
        Lgbtq => "LGBTQ+",
        CareExperienced => "care experienced",
        _ => code,
    };

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
