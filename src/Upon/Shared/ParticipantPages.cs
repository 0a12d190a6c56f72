using System.Globalization;

namespace Upon.Shared;

/// <summary>The addresses of the participant pages.</summary>
public static class ParticipantPages
{
    public const string List = "/participants";

    public static string Details(int participantId) => $"/participants/{participantId.ToString(CultureInfo.InvariantCulture)}";
}
