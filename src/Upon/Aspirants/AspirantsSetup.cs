namespace Upon.Aspirants;

public static class AspirantsSetup
{
    public static IServiceCollection AddAspirants(this IServiceCollection services)
    {
        services.AddScoped<ApplicationImporter>();
        services.AddScoped<ReviewImporter>();
        services.AddScoped<CohortScoring>();
        services.AddScoped<AlumniMatching>();
        services.AddScoped<AlumniSuggestions>();
        services.AddScoped<AspirantFunnel>();
        services.AddScoped<CohortApplications>();
        services.AddScoped<Reviewing>();
        services.AddScoped<Selection>();
        services.AddScoped<AlumniFigures>();
        services.AddScoped<AlumniRecords>();
        services.AddScoped<Upon.Shared.IParticipantRecordSource>(s => s.GetRequiredService<AlumniRecords>());
        services.AddScoped<Upon.Shared.IParticipantAuthoritySource, AspirantAuthorities>();
        services.AddScoped<Upon.Shared.Reports.IDfeReturnSection, ReturnAspirantsSection>();
        services.AddScoped<Upon.Shared.Reports.IEqualityStageSource, AspirantEqualityStages>();
        return services;
    }
}
