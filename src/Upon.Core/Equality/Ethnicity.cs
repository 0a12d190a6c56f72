using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Upon.Core.Equality;

/// <summary>One ethnic group of the DfE's list (the GSS 2021 Census groups with Roma added), with Upon's code for it.</summary>
public sealed record EthnicGroup(string Code, string Major, string Minor);

/// <summary>
/// The ethnic groups people may choose from, as DfE publishes them (source: DfE's allowed <c>ethnicity_major</c> and
/// <c>ethnicity_minor</c> values; Open Government Licence v3.0). "Prefer not to say" is not a group: it is recorded as none.
/// </summary>
public static partial class Ethnicity
{
    /// <summary>The name of DfE's White major group, which alone is not of the global majority.</summary>
    public const string White = "White";

    /// <summary>Every group, in the order DfE lists them.</summary>
    public static IReadOnlyList<EthnicGroup> Groups { get; } =
    [
        new("white-british", White, "English / Welsh / Scottish / Northern Irish / British"),
        new("white-irish", White, "Irish"),
        new("white-gypsy-irish-traveller", White, "Gypsy or Irish Traveller"),
        new("white-roma", White, "Roma"),
        new("white-other", White, "Any other White background"),
        new("mixed-white-black-caribbean", "Mixed / Multiple ethnic groups", "White and Black Caribbean"),
        new("mixed-white-black-african", "Mixed / Multiple ethnic groups", "White and Black African"),
        new("mixed-white-asian", "Mixed / Multiple ethnic groups", "White and Asian"),
        new("mixed-other", "Mixed / Multiple ethnic groups", "Any other Mixed / Multiple ethnic background"),
        new("asian-indian", "Asian / Asian British", "Indian"),
        new("asian-pakistani", "Asian / Asian British", "Pakistani"),
        new("asian-bangladeshi", "Asian / Asian British", "Bangladeshi"),
        new("asian-chinese", "Asian / Asian British", "Chinese"),
        new("asian-other", "Asian / Asian British", "Any other Asian background"),
        new("black-african", "Black / African / Caribbean / Black British", "African"),
        new("black-caribbean", "Black / African / Caribbean / Black British", "Caribbean"),
        new("black-other", "Black / African / Caribbean / Black British", "Any other Black / African / Caribbean background"),
        new("other-arab", "Other ethnic group", "Arab"),
        new("other-any", "Other ethnic group", "Any other ethnic group"),
    ];

    /// <summary>The major groups in the order DfE lists them.</summary>
    public static IReadOnlyList<string> MajorGroups { get; } = [.. Groups.Select(g => g.Major).Distinct()];

    /// <summary>What <see cref="MajorGroupOnly"/> records in place of the minor group.</summary>
    public const string MajorGroupOnlyMinor = "Major group only (the detail was not kept)";

    /// <summary>
    /// One code per major group ("white", "asian" ...) that records the major group and nothing more: what an erased
    /// person's answer becomes, so that every figure (which counts major groups only) stays the same while no code a person
    /// could have chosen remains. Never offered as a choice; <see cref="TryFind"/> finds them so that figures count them.
    /// </summary>
    public static IReadOnlyList<EthnicGroup> MajorGroupOnly { get; } =
        [.. MajorGroups.Select(major => new EthnicGroup(Groups.First(g => g.Major == major).Code.Split('-')[0], major, MajorGroupOnlyMinor))];

    /// <summary>
    /// The group with Upon's <paramref name="code"/> (exact, ignoring surrounding spaces), a chosen group or a
    /// <see cref="MajorGroupOnly"/> one; false if there is none.
    /// </summary>
    public static bool TryFind(string? code, [NotNullWhen(true)] out EthnicGroup? group)
    {
        var trimmed = code?.Trim();
        group = Groups.FirstOrDefault(g => string.Equals(g.Code, trimmed, StringComparison.Ordinal))
            ?? MajorGroupOnly.FirstOrDefault(g => string.Equals(g.Code, trimmed, StringComparison.Ordinal));
        return group is not null;
    }

    /// <summary>
    /// The group a person may choose with <paramref name="code"/> (exact, ignoring surrounding spaces): one of
    /// <see cref="Groups"/>, never a <see cref="MajorGroupOnly"/> code, which only an erasure writes.
    /// </summary>
    public static bool TryFindChoice(string? code, [NotNullWhen(true)] out EthnicGroup? group)
    {
        var trimmed = code?.Trim();
        group = Groups.FirstOrDefault(g => string.Equals(g.Code, trimmed, StringComparison.Ordinal));
        return group is not null;
    }

    /// <summary>The <see cref="MajorGroupOnly"/> code of the group's major group ("white-roma" becomes "white"); null when the code is no group.</summary>
    public static string? ToMajorGroupOnly(string? code) =>
        TryFind(code, out var group) ? MajorGroupOnly.First(g => g.Major == group.Major).Code : null;

    /// <summary>
    /// Whether the group is of the global majority: every group outside the White major group. (White minorities such as
    /// Gypsy, Irish Traveller and Roma are counted with White, as DfE's major groups do.)
    /// </summary>
    public static bool IsGlobalMajority(EthnicGroup group) => group.Major != White;

    /// <summary>DfE writes labels both as "Asian/Asian British" and "Asian / Asian British": this gives the spaced form.</summary>
    public static string Normalise(string label) => Slash().Replace(label.Trim(), " / ");

    [GeneratedRegex(@"\s*/\s*")]
    private static partial Regex Slash();
}
