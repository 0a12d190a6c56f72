using Upon.Shared;

namespace Upon.SessionFeedback;

public static class SessionFeedbackSetup
{
    /// <summary>The feedback services and the <c>Feedback:</c> settings, checked when the app or a command starts.</summary>
    public static IServiceCollection AddSessionFeedback(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FeedbackOptions>().Bind(configuration.GetSection(FeedbackOptions.Section))
            .Validate(o => o.Schedule.Problem is null, "Feedback:OpenDays must be from 1 to 90, Feedback:FirstReminderAfterDays 1 or more, and Feedback:SecondReminderAfterDays more than it.")
            .Validate(o => o.RunMinutes >= 0, "Feedback:RunMinutes must be 0 (off) or more.")
            .ValidateOnStart();
        services.AddSingleton<FeedbackRunner>();
        services.AddScoped<FeedbackForms>();
        services.AddScoped<FeedbackSubmission>();
        services.AddScoped<FeedbackResults>();
        services.AddScoped<FeedbackCommentRemoval>();
        services.AddScoped<FeedbackReport>();
        services.AddScoped<IParticipantTaskSource, FeedbackTasks>();
        return services;
    }
}
