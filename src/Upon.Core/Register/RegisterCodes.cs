using System.Diagnostics.CodeAnalysis;

namespace Upon.Core.Register;

/// <summary>
/// The codes used for appointment types and leaving reasons in CSV files, the API and the command line
/// (<c>permanent</c>, <c>moved_to_another_dcs_post</c>, ...).
/// </summary>
public static class RegisterCodes
{
    private static readonly Dictionary<AppointmentType, string> TypeCodes = new()
    {
        [AppointmentType.Permanent] = "permanent",
        [AppointmentType.Interim] = "interim",
        [AppointmentType.Acting] = "acting",
    };

    private static readonly Dictionary<LeavingReason, string> ReasonCodes = new()
    {
        [LeavingReason.Retired] = "retired",
        [LeavingReason.MovedToAnotherDcsPost] = "moved_to_another_dcs_post",
        [LeavingReason.Promoted] = "promoted",
        [LeavingReason.MadePermanent] = "made_permanent",
        [LeavingReason.EndOfInterim] = "end_of_interim",
        [LeavingReason.Resigned] = "resigned",
        [LeavingReason.Dismissed] = "dismissed",
        [LeavingReason.IllHealth] = "ill_health",
        [LeavingReason.Restructure] = "restructure",
        [LeavingReason.Other] = "other",
    };

    private static readonly Dictionary<string, AppointmentType> TypesByCode =
        TypeCodes.ToDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, LeavingReason> ReasonsByCode =
        ReasonCodes.ToDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>All appointment type codes, in display order.</summary>
    public static IReadOnlyList<string> AppointmentTypeCodes { get; } = [.. TypeCodes.Values];

    /// <summary>All leaving reason codes, in display order.</summary>
    public static IReadOnlyList<string> LeavingReasonCodes { get; } = [.. ReasonCodes.Values];

    /// <summary>The code of an appointment type, such as <c>interim</c>.</summary>
    public static string ToCode(this AppointmentType type) => TypeCodes[type];

    /// <summary>The code of a leaving reason, such as <c>moved_to_another_dcs_post</c>.</summary>
    public static string ToCode(this LeavingReason reason) => ReasonCodes[reason];

    /// <summary>Reads an appointment type code, ignoring case and surrounding spaces; false if it is not one.</summary>
    public static bool TryParseAppointmentType(string? code, out AppointmentType type) =>
        TypesByCode.TryGetValue(code?.Trim() ?? "", out type);

    /// <summary>Reads a leaving reason code, ignoring case and surrounding spaces; false if it is not one.</summary>
    public static bool TryParseLeavingReason(string? code, out LeavingReason reason) =>
        ReasonsByCode.TryGetValue(code?.Trim() ?? "", out reason);

    /// <summary>Parses <c>yes</c>, <c>no</c>, <c>true</c> or <c>false</c> (any case).</summary>
    public static bool TryParseYesNo(string? text, [NotNullWhen(true)] out bool? value)
    {
        value = (text?.Trim().ToLowerInvariant()) switch
        {
            "yes" or "true" => true,
            "no" or "false" => false,
            _ => null,
        };
        return value is not null;
    }

    /// <summary>A human label: "Moved to another DCS post".</summary>
    public static string ToLabel(this LeavingReason reason) => reason switch
    {
        LeavingReason.MovedToAnotherDcsPost => "Moved to another DCS post",
        LeavingReason.MadePermanent => "Made permanent",
        LeavingReason.EndOfInterim => "End of interim",
        LeavingReason.IllHealth => "Ill health",
        _ => reason.ToString(),
    };

    /// <summary>A human label: "Permanent", "Interim" or "Acting".</summary>
    public static string ToLabel(this AppointmentType type) => type.ToString();
}
