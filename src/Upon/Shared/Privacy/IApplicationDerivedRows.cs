namespace Upon.Shared.Privacy;

/// <summary>
/// Rows a feature derived from an Aspirant Directors application (Impact's BALI graduates self-declared on one), which the
/// applications' retention rule erases with the applicant's applications, without Aspirants depending on that feature.
/// Register with <c>services.AddScoped&lt;IApplicationDerivedRows, ...&gt;()</c>.
/// </summary>
public interface IApplicationDerivedRows
{
    /// <summary>The rows derived from applications made under <paramref name="email"/> (compared without case), tracked by the context.</summary>
    Task<IReadOnlyList<PersonalRows>> RowsFromApplicationsAsync(string email, CancellationToken cancellationToken);
}
