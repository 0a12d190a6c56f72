using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Impact;
using Upon.NewDirectors;
using Upon.Register;
using Upon.Sessions;
using Upon.Tests.Infrastructure;
using Xunit;

namespace Upon.Tests.DataProtection;

/// <summary>Every report's figures, for tests that erasure and the retention run change none of them.</summary>
public static class ReportFigures
{
    private static readonly string[] EqualityYears = ["2025-26", "2026-27"];

    /// <summary>
    /// Every report's figures, as JSON, by report: turnover and invitation figures of every year and attendance since 2000
    /// by every grouping and the equality figures of every stage (in the host), and through the real command line an Aspirant Directors cohort, the DfE return of
    /// the year (exact and the funder's), coaching, retention and feedback.
    /// </summary>
    public static async Task<Dictionary<string, string>> AllAsync(UponApp app, string aspirantCohort)
    {
        var figures = await app.WithScopeAsync(async s =>
        {
            var turnover = await s.GetRequiredService<TurnoverReport>().AllYearsAsync();
            var invitations = await s.GetRequiredService<InvitationReport>().AllYearsAsync();
            var attendance = await s.GetRequiredService<ProgrammeAttendance>().FiguresAsync(new AttendancePeriod(new LocalDate(2000, 1, 1), new LocalDate(2031, 1, 1), null));
            // Every stage's equality figures, unsuppressed, for the years the tests' applications fall in.
            var equality = new Dictionary<string, object>();
            foreach (var year in EqualityYears)
            {
                equality[year] = await s.GetRequiredService<EqualityByYear>().StagesAsync(Upon.Core.Register.FinancialYear.Parse(year), Upon.Core.Disclosure.DisclosureRule.None, CancellationToken.None);
            }
            return new Dictionary<string, string>
            {
                ["turnover"] = JsonSerializer.Serialize(turnover),
                ["invitations"] = JsonSerializer.Serialize(invitations),
                ["attendance"] = JsonSerializer.Serialize(new { total = attendance!.Total, groups = attendance.Groups.ToDictionary(g => g.Key.ToString(), g => g.Value) }),
                ["equality"] = JsonSerializer.Serialize(equality),
            };
        });
        foreach (var (name, args) in new (string, string[])[]
        {
            ("aspirants", ["report", "aspirants", "--cohort", aspirantCohort, "--format", "json"]),
            ("dfe-return", ["report", "dfe-return", "--period", "2026-27", "--format", "json"]),
            ("dfe-return (funder)", ["report", "dfe-return", "--period", "2026-27", "--format", "json", "--funder"]),
            ("dfe-return 2000-01", ["report", "dfe-return", "--period", "2000-01", "--format", "json"]),
            ("coaching", ["report", "coaching", "--format", "json"]),
            ("retention", ["report", "retention", "--format", "json"]),
            ("feedback", ["report", "feedback", "--format", "json"]),
        })
        {
            var run = await UponCli.RunAsync(app.Database, args);
            Assert.True(run.ExitCode == 0, $"{name}: {run}");
            figures[name] = WithoutComputedAt(run.Output);
        }
        return figures;
    }

    /// <summary>Fails naming each report whose figures differ.</summary>
    public static void AssertSame(Dictionary<string, string> before, Dictionary<string, string> after)
    {
        foreach (var (report, figures) in before)
        {
            Assert.True(figures == after[report], $"The {report} figures changed:\nbefore: {figures}\nafter:  {after[report]}");
        }
    }

    /// <summary>The JSON without the moment it was worked out (the DfE return's <c>computedAt</c>), which differs on every run.</summary>
    private static string WithoutComputedAt(string json)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json);
        if (node is System.Text.Json.Nodes.JsonObject o)
        {
            o.Remove("computedAt");
        }
        return node?.ToJsonString() ?? "";
    }
}
