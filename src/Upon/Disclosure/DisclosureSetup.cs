namespace Upon.Disclosure;

public static class DisclosureSetup
{
    /// <summary>The <c>Disclosure:</c> settings, checked when the app or a command starts, and <see cref="FigureDisclosure"/>.</summary>
    public static IServiceCollection AddUponDisclosure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DisclosureOptions>()
            .Bind(configuration.GetSection(DisclosureOptions.Section))
            .Validate(o => o.SmallNumberThreshold >= 1, "Disclosure:SmallNumberThreshold must be a whole number, 1 or more.")
            .ValidateOnStart();
        services.AddSingleton<FigureDisclosure>();
        return services;
    }
}
