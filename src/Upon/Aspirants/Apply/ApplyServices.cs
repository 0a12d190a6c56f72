using Upon.Aspirants.CohortYear;

namespace Upon.Aspirants.Apply;

/// <summary>The services of the public application, the endorsement and the cohort year.</summary>
public static class ApplyServices
{
    public static IServiceCollection AddAspirantApplications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AspirantsApplyOptions>().Bind(configuration.GetSection("Aspirants"))
            .Validate(o => o.EndorsementRunMinutes >= 0, "Aspirants:EndorsementRunMinutes must be 0 or more.")
            .Validate(o => o.Completion.MinTaughtDays is >= 0 and <= 50, "Aspirants:Completion:MinTaughtDays must be from 0 to 50.")
            .ValidateOnStart();
        services.AddScoped<ApplicantSignIn>();
        services.AddScoped<ApplicationForm>();
        services.AddScoped<Endorsements>();
        services.AddScoped<EqualityMonitoringForm>();
        services.AddScoped<OfferResponse>();
        services.AddScoped<LateSetPlacement>();
        services.AddScoped<LearningSetService>();
        services.AddScoped<Upon.Shared.IClosedSessionSource, LearningSetMeetingAudience>();
        services.AddScoped<CohortParticipants>();
        services.AddScoped<Upon.Shared.IParticipantRecordSource>(s => s.GetRequiredService<CohortParticipants>());
        services.AddSingleton<EndorsementRunner>();
        return services;
    }
}
