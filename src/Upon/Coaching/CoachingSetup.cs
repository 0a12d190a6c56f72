namespace Upon.Coaching;

public static class CoachingSetup
{
    public static IServiceCollection AddCoaching(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Coaching").Get<CoachingOptions>() ?? new CoachingOptions();
        if (options.EntitledSessions is < 1 or > 50 || options.SessionMinutes is < 15 or > 480)
        {
            throw new InvalidOperationException("Coaching:EntitledSessions must be from 1 to 50 and Coaching:SessionMinutes from 15 to 480.");
        }

        services.AddSingleton(options);
        services.AddScoped<CoachingVocabulary>();
        services.AddScoped<CoachImporter>();
        services.AddScoped<RequestImporter>();
        services.AddScoped<MatchingService>();
        services.AddScoped<CoachingService>();
        services.AddScoped<Rematches>();
        services.AddScoped<CoachingRequests>();
        services.AddScoped<RequestForm>();
        services.AddScoped<CoachingSummaries>();
        services.AddScoped<RoundReview>();
        services.AddScoped<CurrentCoach>();
        services.AddScoped<CoachingReport>();
        services.AddScoped<CoachInvitations>();
        services.AddScoped<CoachingCalendarEntries>();
        services.AddScoped<Upon.Shared.Calendars.ICalendarEntrySource>(s => s.GetRequiredService<CoachingCalendarEntries>());
        services.AddScoped<CoachCalendarFeed>();
        services.AddScoped<Upon.Shared.Privacy.IErasureFigures, CoachingErasureFigures>();
        return services;
    }
}
