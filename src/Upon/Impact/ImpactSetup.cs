using Upon.Shared.Reports;

namespace Upon.Impact;

public static class ImpactSetup
{
    /// <summary>
    /// The DfE return, its sections and the equality reference data. Aspirants and retention add their sections with
    /// <c>services.AddScoped&lt;IDfeReturnSection, ...&gt;()</c> in their own setup.
    /// </summary>
    public static IServiceCollection AddUponImpact(this IServiceCollection services)
    {
        services.AddScoped<ReturnParticipants>();
        services.AddScoped<WorkforceBenchmarks>();
        services.AddScoped<WorkforceImporter>();
        services.AddScoped<EqualityBaliImporter>();
        services.AddScoped<Upon.Shared.Events.IDomainEventHandler<Upon.Shared.Events.BaliGraduateDeclared>, SelfDeclaredBaliGraduates>();
        services.AddScoped<Upon.Shared.Privacy.IApplicationDerivedRows, SelfDeclaredBaliGraduateRows>();
        services.AddScoped<Upon.Shared.Privacy.IErasureFigures, BaliErasureFigures>();
        services.AddScoped<IDfeReturnSection, ReturnNewDirectorsSection>();
        services.AddScoped<IDfeReturnSection, ReturnCoachingSection>();
        services.AddScoped<IDfeReturnSection, ReturnRetentionSection>();
        services.AddScoped<IDfeReturnSection, ReturnEqualitySection>();
        services.AddScoped<IDfeReturnSection, ReturnDataQualitySection>();
        services.AddScoped<ReturnReport>();
        services.AddScoped<EqualityByYear>();
        services.AddScoped<ReturnSubmissions>();
        return services;
    }
}
