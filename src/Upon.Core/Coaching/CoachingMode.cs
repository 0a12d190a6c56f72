namespace Upon.Core.Coaching;

/// <summary>How a participant would like to be coached.</summary>
public enum RequestedMode
{
    Online,
    InPerson,
    Either,
}

/// <summary>The codes of the modes: <c>online</c>, <c>in-person</c> and, for a request, <c>either</c>.</summary>
public static class CoachingModes
{
    public const string Online = "online";
    public const string InPerson = "in-person";
    public const string Either = "either";

    /// <summary>The English regions (ONS codes, as in DfE's list) for in-person coaching.</summary>
    public static IReadOnlyList<string> RegionCodes { get; } =
        [.. Enumerable.Range(1, 9).Select(i => $"E1200000{i}")];

    public static bool IsRegionCode(string? code) => code is not null && RegionCodes.Contains(code.Trim().ToUpperInvariant());

    public static string ToCode(this RequestedMode mode) => mode switch
    {
        RequestedMode.Online => Online,
        RequestedMode.InPerson => InPerson,
        _ => Either,
    };

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
