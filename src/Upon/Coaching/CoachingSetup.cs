namespace Upon.Coaching;

public static class CoachingSetup
{
    public static IServiceCollection AddCoaching(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Coaching").Get<CoachingOptions>() ?? new CoachingOptions();
        // Configuration keys ignore case; so does the strand's slug looked up in them.
        options.Strands = new Dictionary<string, StrandEntitlementOptions>(options.Strands, StringComparer.OrdinalIgnoreCase);
        if (options.Validate() is { Count: > 0 } problems)
        {
            throw new InvalidOperationException(string.Join(" ", problems));
        }

        services.AddSingleton(options);
        services.AddScoped<CoachingStrands>();
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
