using NodaTime;

namespace Upon.Core.Register;

/// <summary>A GSS code an authority has had, with the region it sat in and the days it was valid (inclusive).</summary>
public sealed record GssCode(string Code, string Name, string RegionCode, LocalDate ValidFrom, LocalDate? ValidTo);

/// <summary>An English region (E12 code).</summary>
public sealed record RegionReference(string Code, string Name);

/// <summary>
/// An English children's services authority, identified by its DfE number (three digits), which it keeps when
/// its GSS code changes. Its name and region are those of its latest GSS code.
/// </summary>
public sealed record AuthorityReference(string Code, string Name, string RegionCode, OperatingPeriod Period, IReadOnlyList<GssCode> GssCodes)
{
    /// <summary>The authority as the turnover figures see it: its DfE number and the days it operated.</summary>
    public AuthorityFact ToFact() => new(Code, Period);
}
