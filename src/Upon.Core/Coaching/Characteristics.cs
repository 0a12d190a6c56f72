using System.Text.RegularExpressions;

namespace Upon.Core.Coaching;

/// <summary>
/// The characteristics a coach may consent to be matched on and a participant may ask their coach to share. The fixed
/// list is <see cref="Standard"/>; staff can add more, each a short lower-case code.
/// </summary>
public static partial class Characteristics
{
    /// <summary>Being a woman.</summary>
    public const string Woman = "woman";

    /// <summary>Being from a global majority background: of Black, Asian, mixed or other non-White ethnicity.</summary>
    public const string GlobalMajority = "global-majority";

    /// <summary>Being disabled.</summary>
    public const string Disabled = "disabled";

    /// <summary>Being lesbian, gay, bisexual, trans, queer or another minority sexual orientation or gender identity (LGBTQ+).</summary>
    public const string Lgbtq = "lgbtq";

    /// <summary>Having been in care as a child.</summary>
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
