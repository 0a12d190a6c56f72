using System.Globalization;
using System.Text.Json;
using Upon.Core.Aspirants;
using Upon.Shared.Files;

namespace Upon.Aspirants;

/// <summary>
/// <c>upon report aspirants --cohort NAME</c>, for operators (exact counts): the funnel by ethnicity group with the
/// relative likelihood at each stage, and each submitted application's raw and calibrated score, rank and flag.
/// JSON: <c>{"cohort", "stages": [{"stage", "total", "byGroup": {"white", "globalMajority", "unknown"}}],
/// "relativeLikelihood": {stage: number|null}, "applications": [{"applicationId", "rawScore", "score", "rank", "flagged"}]}</c>.
/// </summary>
public static class AspirantReport
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The applications in report order: by rank (best first; a tie by application id), then the unreviewed by application id.</summary>
    public static IReadOnlyList<(FunnelApplication Application, ApplicationScore? Score)> Applications(CohortFunnel funnel)
    {
        ArgumentNullException.ThrowIfNull(funnel);
        return [.. funnel.Applications
            .Select(a => (Application: a, Score: funnel.Scores.For(a.Key)))
            .OrderBy(a => a.Score?.Rank ?? int.MaxValue)
            .ThenBy(a => a.Application.ApplicationId, StringComparer.Ordinal)];
    }

    /// <summary>A score as printed: rounded to ten decimal places, which drops floating-point noise and nothing else.</summary>
    public static double? Round(double? value) => value is { } v ? Math.Round(v, 10) : null;

    public static string Json(CohortFunnel funnel)
    {
        ArgumentNullException.ThrowIfNull(funnel);
        var model = new Dictionary<string, object?>
        {
            ["cohort"] = funnel.Cohort.Name,
            ["stages"] = FunnelStages.All.Select(stage => new Dictionary<string, object?>
            {
                ["stage"] = stage,
                ["total"] = funnel.Count(stage),
                ["byGroup"] = new Dictionary<string, int>
                {
                    ["white"] = funnel.Count(stage, EthnicityGroup.White),
                    ["globalMajority"] = funnel.Count(stage, EthnicityGroup.GlobalMajority),
                    ["unknown"] = funnel.Count(stage, EthnicityGroup.Unknown),
                },
            }).ToList(),
            ["relativeLikelihood"] = FunnelStages.All.ToDictionary(stage => stage, stage => Round(funnel.RelativeLikelihoodWhite(stage))),
            ["applications"] = Applications(funnel).Select(a => new Dictionary<string, object?>
            {
                ["applicationId"] = a.Application.ApplicationId,
                ["rawScore"] = Round(a.Score?.RawScore),
                ["score"] = Round(a.Score?.Score),
                ["rank"] = a.Score?.Rank,
                ["flagged"] = a.Score?.Flagged ?? false,
            }).ToList(),
        };
        return JsonSerializer.Serialize(model, Options);
    }

    /// <summary>
    /// CSV: the stages (<c>stage,total,white,global_majority,unknown,relative_likelihood</c>), a blank line, then the
    /// applications (<c>application_id,raw_score,score,rank,tied,flagged</c>). Formulas are neutralised.
    /// </summary>
    public static void WriteCsv(TextWriter writer, CohortFunnel funnel)
    {
        ArgumentNullException.ThrowIfNull(funnel);
        using (var csv = SafeCsv.CreateWriter(writer))
        {
            foreach (var heading in new[] { "stage", "total", "white", "global_majority", "unknown", "relative_likelihood" }) csv.WriteField(heading);
            csv.NextRecord();
            foreach (var stage in FunnelStages.All)
            {
                csv.WriteField(stage);
                csv.WriteField(funnel.Count(stage));
                csv.WriteField(funnel.Count(stage, EthnicityGroup.White));
                csv.WriteField(funnel.Count(stage, EthnicityGroup.GlobalMajority));
                csv.WriteField(funnel.Count(stage, EthnicityGroup.Unknown));
                csv.WriteField(Number(Round(funnel.RelativeLikelihoodWhite(stage))));
                csv.NextRecord();
            }
            csv.NextRecord();
            foreach (var heading in new[] { "application_id", "raw_score", "score", "rank", "tied", "flagged" }) csv.WriteField(heading);
            csv.NextRecord();
            foreach (var (application, score) in Applications(funnel))
            {
                csv.WriteField(application.ApplicationId);
                csv.WriteField(Number(Round(score?.RawScore)));
                csv.WriteField(Number(Round(score?.Score)));
                csv.WriteField(score?.Rank?.ToString(CultureInfo.InvariantCulture) ?? "");
                csv.WriteField(score?.Tied == true ? "yes" : "no");
                csv.WriteField(score?.Flagged == true ? "yes" : "no");
                csv.NextRecord();
            }
        }
        writer.Flush();
    }

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";
}
