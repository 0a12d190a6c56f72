using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;
using Upon.Core.Register;

namespace Upon.Register.ReferenceData;

/// <summary>
/// The authorities shipped with the product (<c>authorities.json</c>, embedded), generated from DfE's published list of
/// local authorities. Contains public sector information licensed under the Open Government Licence v3.0.
/// </summary>
public static partial class AuthorityReferenceData
{
    public const string Attribution =
        "Contains public sector information licensed under the Open Government Licence v3.0 (Department for Education, list of local authorities).";

    private const string ResourceName = "Upon.Register.ReferenceData.authorities.json";
    private static readonly LocalDatePattern IsoDate = LocalDatePattern.Iso;
    // Generated at build time: reflection made the serializer ready on each new database's start (bench/README.md, thirty-sixth round).
    [JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonSerializable(typeof(ReferenceFile))]
    private sealed partial class AuthorityFileJson : JsonSerializerContext;

    /// <summary>The authorities and regions embedded in this build.</summary>
    public static (IReadOnlyList<AuthorityReference> Authorities, IReadOnlyList<RegionReference> Regions) LoadEmbedded()
    {
        using var stream = typeof(AuthorityReferenceData).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        var file = JsonSerializer.Deserialize(stream, AuthorityFileJson.Default.ReferenceFile) ?? throw new InvalidOperationException("The embedded authorities file is empty.");
        return (
            [.. file.Authorities.Select(a => new AuthorityReference(
                a.Code, a.Name, a.RegionCode, new OperatingPeriod(ParseDate(a.OperatingFrom), ParseDate(a.OperatingTo)),
                [.. a.GssCodes.Select(g => new GssCode(g.Code, g.Name, g.RegionCode, ParseDate(g.ValidFrom)!.Value, ParseDate(g.ValidTo)))]))],
            [.. file.Regions.Select(r => new RegionReference(r.Code, r.Name))]);
    }

    /// <summary>Writes the embedded file's format, for regenerating it from DfE's list (<c>upon reference authorities</c>).</summary>
    public static void Write(Stream output, IReadOnlyList<AuthorityReference> authorities, IReadOnlyList<RegionReference> regions)
    {
        var file = new ReferenceFile(
            "Department for Education, list of local authorities (dfe-analytical-services/dfe-published-data-qa data/las.csv and data/regions.csv)",
            Attribution,
            [.. regions.Select(r => new RegionDto(r.Code, r.Name))],
            [.. authorities.Select(a => new AuthorityDto(
                a.Code, a.Name, a.RegionCode, FormatDate(a.Period.From), FormatDate(a.Period.To),
                [.. a.GssCodes.Select(g => new GssDto(g.Code, g.Name, g.RegionCode, FormatDate(g.ValidFrom)!, FormatDate(g.ValidTo)))]))]);
        JsonSerializer.Serialize(output, file, AuthorityFileJson.Default.ReferenceFile);
    }

    /// <summary>Reads DfE's <c>regions.csv</c> (<c>region_code,region_name</c>).</summary>
    public static IReadOnlyList<RegionReference> ParseRegions(TextReader reader)
    {
        var regions = new List<RegionReference>();
        _ = reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split(',', 2);
            if (parts.Length == 2 && parts[0].StartsWith("E12", StringComparison.Ordinal))
            {
                regions.Add(new RegionReference(parts[0].Trim(), parts[1].Trim().Trim('"')));
            }
        }
        return regions;
    }

    private static LocalDate? ParseDate(string? text) => text is null ? null : IsoDate.Parse(text).Value;

    private static string? FormatDate(LocalDate? date) => date is null ? null : IsoDate.Format(date.Value);

    private sealed record ReferenceFile(string Source, string Licence, List<RegionDto> Regions, List<AuthorityDto> Authorities);

    private sealed record RegionDto(string Code, string Name);

    private sealed record AuthorityDto(string Code, string Name, string RegionCode, string? OperatingFrom, string? OperatingTo, List<GssDto> GssCodes);

    private sealed record GssDto(string Code, string Name, string RegionCode, string ValidFrom, string? ValidTo);
}
