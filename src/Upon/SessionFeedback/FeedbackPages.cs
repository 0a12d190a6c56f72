using System.Globalization;

namespace Upon.SessionFeedback;

/// <summary>The addresses of the feedback pages.</summary>
public static class FeedbackPages
{
    public const string Mine = "/my/feedback";
    public const string Staff = "/feedback";
    public const string Forms = "/feedback/forms";
    public const string Figures = "/feedback/figures";

    public static string Give(int sessionId) => $"/my/feedback/{sessionId.ToString(CultureInfo.InvariantCulture)}";

    public static string Sent(int sessionId) => $"/my/feedback/{sessionId.ToString(CultureInfo.InvariantCulture)}/sent";

    public static string StopReminders(int sessionId) => $"/my/feedback/{sessionId.ToString(CultureInfo.InvariantCulture)}/stop-reminders";

    public static string Session(int sessionId) => $"/feedback/sessions/{sessionId.ToString(CultureInfo.InvariantCulture)}";

    public static string Strand(int strandId) => $"/feedback/strands/{strandId.ToString(CultureInfo.InvariantCulture)}";

    public static string RemoveComment(Guid answerId) => $"/feedback/comments/{answerId.ToString("D", CultureInfo.InvariantCulture)}/remove";

    public static string Form(int formId) => $"/feedback/forms/{formId.ToString(CultureInfo.InvariantCulture)}";
}
