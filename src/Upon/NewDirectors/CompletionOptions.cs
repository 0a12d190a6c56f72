using Microsoft.Extensions.Options;
using Upon.Core.NewDirectors;

namespace Upon.NewDirectors;

/// <summary>
/// The <c>NewDirectors:Completion:</c> settings: what a New Director must do to complete the programme
/// (<see cref="CompletionCriteria"/>). Checked when the app or a command starts.
/// </summary>
public sealed class CompletionOptions
{
    public const string Section = "NewDirectors:Completion";

    /// <summary>The share (0 to 1) of the virtual workshops held in their core year to attend.</summary>
    public double MinCoreWorkshopShare { get; set; } = new CompletionCriteria().MinCoreWorkshopShare;

    /// <summary>Whether a residential attended in the core year is required.</summary>
    public bool RequireResidential { get; set; } = new CompletionCriteria().RequireResidential;

    /// <summary>The fewest confirmed one-to-one coaching sessions in the coaching year; 0 leaves coaching out.</summary>
    public int MinCoachingSessions { get; set; } = new CompletionCriteria().MinCoachingSessions;

    public CompletionCriteria ToCriteria() => new()
    {
        MinCoreWorkshopShare = MinCoreWorkshopShare,
        RequireResidential = RequireResidential,
        MinCoachingSessions = MinCoachingSessions,
    };
}

public static class JourneySetup
{
    /// <summary>The journey's services and its settings, validated at start.</summary>
    public static IServiceCollection AddNewDirectorsJourney(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CompletionOptions>()
            .Bind(configuration.GetSection(CompletionOptions.Section))
            .Validate(o => o.ToCriteria().IsValid,
                "NewDirectors:Completion:MinCoreWorkshopShare must be a number from 0 to 1 (0.6 is 60%), and " +
                "NewDirectors:Completion:MinCoachingSessions a whole number from 0 to 52.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<CompletionOptions>>().Value.ToCriteria());
        services.AddScoped<JourneyService>();
        services.AddScoped<JourneyQueries>();
        services.AddScoped<InvitationDesk>();
        return services;
    }
}
