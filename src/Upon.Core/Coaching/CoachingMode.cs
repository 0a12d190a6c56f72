namespace Upon.Core.Coaching;

/// <summary>How a participant would like to be coached.</summary>
public enum RequestedMode
{
    /// <summary>Coached by video call: any coach offering online will do.</summary>
    Online,

    /// <summary>Coached face to face: needs a coach offering in-person coaching in the participant's region.</summary>
    InPerson,

    /// <summary>Online or in person, whichever a coach offers.</summary>
    Either,
}

/// <summary>The codes of the modes: <c>online</c>, <c>in-person</c> and, for a request, <c>either</c>.</summary>
public static class CoachingModes
{
    /// <summary>The code of coaching by video call, for coaches and requests.</summary>
    public const string Online = "online";

    /// <summary>The code of face-to-face coaching in a region, for coaches and requests.</summary>
    public const string InPerson = "in-person";

    /// <summary>The code of a request that accepts either mode.</summary>
    public const string Either = "either";

    /// <summary>The English regions (ONS codes, as in DfE's list) for in-person coaching.</summary>
    public static IReadOnlyList<string> RegionCodes { get; } =
        [.. Enumerable.Range(1, 9).Select(i => $"E1200000{i}")];

    /// <summary>The region's name (ONS), or the code itself when it is not a region.</summary>
    public static string RegionName(string code) => code.Trim().ToUpperInvariant() switch
    {
        "E12000001" => "North East",
        "E12000002" => "North West",
        "E12000003" => "Yorkshire and The Humber",
        "E12000004" => "East Midlands",
        "E12000005" => "West Midlands",
        "E12000006" => "East of England",
        "E12000007" => "London",
        "E12000008" => "South East",
        "E12000009" => "South West",
        _ => code,
    };

    /// <summary>Whether <paramref name="code"/> is one of <see cref="RegionCodes"/>, ignoring case and surrounding spaces.</summary>
    public static bool IsRegionCode(string? code) => code is not null && RegionCodes.Contains(code.Trim().ToUpperInvariant());

    /// <summary>The requested mode's code: <c>online</c>, <c>in-person</c> or <c>either</c>.</summary>
    public static string ToCode(this RequestedMode mode) => mode switch
    {
        RequestedMode.Online => Online,
        RequestedMode.InPerson => InPerson,
        _ => Either,
    };

    /// <summary>How a request asks to be coached, as pages say it: "Online", "In person, in London" or "Online or in person".</summary>
    public static string Describe(this RequestedMode mode, string? region) => mode switch
    {
        RequestedMode.InPerson => $"In person, in {RegionName(region ?? "")}",
        RequestedMode.Online => "Online",
        _ => "Online or in person",
    };

    /// <summary>Reads a requested mode's code, ignoring case and surrounding spaces; false if it is not one.</summary>
    public static bool TryParseRequested(string? code, out RequestedMode mode)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case Online: mode = RequestedMode.Online; return true;
            case InPerson: mode = RequestedMode.InPerson; return true;
            case Either: mode = RequestedMode.Either; return true;
            default: mode = default; return false;
        }
    }
}
