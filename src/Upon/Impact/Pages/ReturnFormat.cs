using System.Globalization;
using Upon.Core;
using Upon.Core.Impact;
using Upon.Core.Register;

namespace Upon.Impact.Pages;

/// <summary>How the return's pages write its figures and periods.</summary>
public static class ReturnFormat
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>A value for people: a count "1,234", a share "45.5%", hours "12.50"; null when there is none.</summary>
    public static string? Value(string unit, double? value) => value is not { } v ? null : unit switch
    {
        "share" => FigureFormat.Percent(v),
        "hours" => v.ToString("N2", Culture),
        _ => v.ToString("N0", Culture),
    };

    /// <summary>The periods to choose from, newest first: every year from <paramref name="since"/> and its quarters that have begun.</summary>
    public static IReadOnlyList<ReturnPeriod> Choices(NodaTime.LocalDate since, NodaTime.LocalDate today)
    {
        var periods = new List<ReturnPeriod>();
        for (var year = FinancialYear.Containing(since); year <= FinancialYear.Containing(today); year = year.Next())
        {
            var whole = ReturnPeriod.OfYear(year);
            periods.Add(whole);
            periods.AddRange(whole.QuartersOfYear().Where(q => q.FirstDay <= today));
        }
        return [.. periods.OrderByDescending(p => p.FirstDay).ThenBy(p => p.IsYear ? 1 : 0)];
    }

    /// <summary>The return to show by default: the last quarter that has ended.</summary>
    public static ReturnPeriod DefaultPeriod(NodaTime.LocalDate today) => ReturnPeriod.QuarterContaining(today).Previous();
}

