using Upon.Shared.Privacy;

namespace Upon.DataProtection;

/// <summary>Data protection's services. Each feature's <see cref="IPersonalDataProvider"/> is registered by the composition root (<c>UponServices</c>).</summary>
public static class DataProtectionSetup
{
    public static IServiceCollection AddUponDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IPersonalDataProvider, SubjectRequestsPersonalData>();
        services.AddScoped<PersonalData>();
        services.AddScoped<SubjectAccessExport>();
        services.AddScoped<RetentionRun>();
        services.AddScoped<SubjectRequests>();
        services.AddOptions<DataProtectionOptions>().Bind(configuration.GetSection("DataProtection"))
            .Validate(o => o.RetentionRunHours is >= 0 and <= 24 * 7, "DataProtection:RetentionRunHours must be from 0 (off) to 168.")
            .ValidateOnStart();
        return services;
    }
}
