using Upon.Core.Register;

namespace Upon.Shared.Reports;

/// <summary>
/// One person counted at a stage of the equality pipeline, without their name: their answers as the equality figures
/// count them, and what the BALI figures need.
/// </summary>
/// <param name="EthnicityCode">A code of <c>Core.Equality.Ethnicity.Groups</c>; null when they did not say or were not asked.</param>
/// <param name="Female">True for female, false for male; null when they did not answer either.</param>
/// <param name="Disabled">True or false; null when they did not answer yes or no.</param>
/// <param name="Email">Their email, to find them among the imported BALI graduates; null when unknown.</param>
/// <param name="BaliDeclared">They declared themselves a BALI graduate (on an application).</param>
public sealed record EqualityPerson(string? EthnicityCode, bool? Female, bool? Disabled, string? Email = null, bool BaliDeclared = false);

/// <summary>The people at one stage of a feature's pipeline in a financial year.</summary>
/// <param name="Key">The stage's key (<c>aspirant-applicants</c>), as the page's <c>data-stage</c> gives it.</param>
/// <param name="Name">The stage's name on the page and the charts.</param>
/// <param name="Source">What is counted, in plain words.</param>
/// <param name="People">The people, each once.</param>
/// <param name="ShowsBali">Whether the page shows the share of BALI graduates at this stage.</param>
public sealed record EqualityStagePeople(string Key, string Name, string Source, IReadOnlyList<EqualityPerson> People, bool ShowsBali = false);

/// <summary>
/// A feature's stages of the pipeline on the equality page (Aspirant Directors: applicants, selected, completed,
/// appointed DCS, in post two years later): registered with <c>services.AddScoped&lt;IEqualityStageSource, ...&gt;()</c>.
/// The equality page (<c>Impact/EqualityByYear</c>) works out and suppresses the shares, so no feature depends on Impact.
/// </summary>
public interface IEqualityStageSource
{
    /// <summary>Where the stages come in the pipeline: lower first.</summary>
    int Order { get; }

    /// <summary>The stages of <paramref name="year"/>, in order.</summary>
    Task<IReadOnlyList<EqualityStagePeople>> StagesAsync(FinancialYear year, CancellationToken cancellationToken);
}
