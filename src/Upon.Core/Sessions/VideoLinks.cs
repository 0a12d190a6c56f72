namespace Upon.Core.Sessions;

/// <summary>The one rule for a session's video link, kept by the forms, the API and the calendar feeds alike.</summary>
public static class VideoLinks
{
    /// <summary>"Enter the video link as a full web address, like https://meet.example.org/abc-defg-hij".</summary>
    public const string NotAWebAddress = "Enter the video link as a full web address, like https://meet.example.org/abc-defg-hij";

    /// <summary>
    /// Whether <paramref name="link"/> is an absolute <c>https</c> address with a host and no white space: not
    /// <c>meet.example.org/x</c> (no scheme), not <c>http:</c>, <c>javascript:</c> or <c>file:</c>.
    /// </summary>
    public static bool IsValid(string? link) =>
        !string.IsNullOrEmpty(link) && !link.Any(char.IsWhiteSpace)
        && Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && !string.IsNullOrEmpty(uri.Host);
}
