using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using Upon.Core.Impact;

namespace Upon.Impact.ReferenceData;

/// <summary>
/// The equality reference data shipped with the product (<c>workforce.json</c>, embedded): DfE's children's social work
/// workforce by ethnicity and role (England and regions, 2019 to 2025), ONS Census 2021 ethnic groups (England, regions
/// and upper-tier authorities) and ADCS's published ethnicity of DCSs. Generated from the publishers' files by
/// <c>upon reference workforce</c>. Contains public sector information licensed under the Open Government Licence v3.0.
/// </summary>
public static partial class WorkforceReferenceData
{
    public const string Attribution =
        "Contains public sector information licensed under the Open Government Licence v3.0: Department for Education, " +
        "Children's social work workforce (ethnicity by role); Office for National Statistics, Census 2021 (TS021 Ethnic group, 20 categories).";

    public static readonly IReadOnlyList<string> Sources =
    [
        "Department for Education, Children's social work workforce, reporting years 2019 to 2025: headcount by ethnicity (major group) and role, England and regions (explore-education-statistics; extracted from dfe-analytical-services/CSC_outcomes_and_enablers data/workforce_eth.rds)",
        "Office for National Statistics, Census 2021, Ethnic group (20 categories), usual residents: England and Wales, regions, 2023 upper-tier local authorities (dfe-analytical-services/CSC_outcomes_and_enablers data-raw/ons-ethnic-population-*.csv)",
        "Association of Directors of Children's Services (ADCS), survey of directors of children's services in England: autumn 2023 (2% Black, 90% White) and autumn 2024 (5% Black, 88% White)",
    ];

    /// <summary>ADCS's published ethnicity of DCSs. Their surveys are in the autumn: each counts from 1 October.</summary>
    public static IReadOnlyList<DcsEthnicity> Dcs { get; } =
    [
        new("autumn 2023", new LocalDate(2023, 10, 1), 0.02, 0.90),
        new("autumn 2024", new LocalDate(2024, 10, 1), 0.05, 0.88),
    ];

    private const string ResourceName = "Upon.Impact.ReferenceData.workforce.json";
    // Generated at build time: reflection made the serializer ready on each new database's start (bench/README.md, thirty-sixth round).
    [JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
    [JsonSerializable(typeof(ReferenceFile))]
    private sealed partial class WorkforceFileJson : JsonSerializerContext;

    /// <summary>The workforce and census rows embedded in this build.</summary>
    public static (IReadOnlyList<WorkforceEthnicityRow> Workforce, IReadOnlyList<CensusEthnicityRow> Census) LoadEmbedded()
    {
        using var stream = typeof(WorkforceReferenceData).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        var file = JsonSerializer.Deserialize(stream, WorkforceFileJson.Default.ReferenceFile) ?? throw new InvalidOperationException("The embedded workforce file is empty.");
        return (
            [.. file.Workforce.Select(r => new WorkforceEthnicityRow(r.Year, r.Level, r.AreaCode, r.AreaName, r.Role, r.Group, r.Headcount))],
            [.. file.Census.Select(r => new CensusEthnicityRow(r.Level, r.AreaCode, r.AreaName, r.CategoryCode, r.Category, r.Observation))]);
    }

    /// <summary>Writes the embedded file's format (<c>upon reference workforce</c>).</summary>
    public static void Write(Stream output, IReadOnlyList<WorkforceEthnicityRow> workforce, IReadOnlyList<CensusEthnicityRow> census)
    {
        var file = new ReferenceFile(
            Sources, Attribution,
            [.. workforce.Select(r => new WorkforceDto(r.Year, r.Level, r.AreaCode, r.AreaName, r.Role, r.Group, r.Headcount))],
            [.. census.Select(r => new CensusDto(r.Level, r.AreaCode, r.AreaName, r.CategoryCode, r.Category, r.Observation))]);
        JsonSerializer.Serialize(output, file, WorkforceFileJson.Default.ReferenceFile);
    }

    private sealed record ReferenceFile(IReadOnlyList<string> Sources, string Licence, IReadOnlyList<WorkforceDto> Workforce, IReadOnlyList<CensusDto> Census);

    private sealed record WorkforceDto(int Year, string Level, string AreaCode, string AreaName, string Role, string Group, int? Headcount);

    private sealed record CensusDto(string Level, string AreaCode, string AreaName, int CategoryCode, string Category, long Observation);
}
