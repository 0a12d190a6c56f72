namespace Upon.Aspirants;

public static class AspirantsSetup
{
    public static IServiceCollection AddAspirants(this IServiceCollection services)
    {
        services.AddScoped<ApplicationImporter>();
        services.AddScoped<ReviewImporter>();
        services.AddScoped<CohortScoring>();
        services.AddScoped<AlumniMatching>();
        services.AddScoped<AspirantFunnel>();
        return services;
    }
}
