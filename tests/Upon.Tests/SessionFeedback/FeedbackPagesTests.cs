using System.Net;
using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Core.Sessions;
using Upon.SessionFeedback;
using Upon.Shared.Security;
using Upon.Tests.Infrastructure;
using Upon.Tests.Sessions;
using Upon.Tests.Shared;

namespace Upon.Tests.SessionFeedback;

/// <summary>
/// The feedback pages through the real host: a participant answers from their sessions page, results are withheld
/// until the small-number threshold (5) of answers is in, comments reach staff only, the funder sees suppressed figures
/// per strand and year (page and API), and staff download and change the questions.
/// </summary>
public abstract class FeedbackPagesTests(UponApp app)
{
    /// <summary>A page refuses a signed-in role with 403, or a redirect to the access-denied page.</summary>
    private static async Task AssertRefusedAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/error/403", StringComparison.Ordinal)),
            $"GET {url} answered {(int)response.StatusCode}");
    }

    [SkippableFact]
    public async Task Participant_GivesFeedbackFromTheirSessionsPage_OnceAndAnonymously()
    {
        app.RequireDatabase();
        var strand = await SessionSeed.StrandAsync(app);
        var session = await SessionSeed.SessionAsync(app, strand, 20, FeedbackSeed.HeldOn, title: "Leading through inspection");
        var me = await SessionSeed.TestParticipantAsync(app, strand);
        await SessionSeed.MarkAsync(app, session, me, AttendanceMark.Present);
        var client = app.CreateClient(Roles.Participant);
        var give = FeedbackPages.Give(session.Id);

        // Not asked yet: no page.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(give)).StatusCode);
        await FeedbackSeed.RunAsync(app, new LocalDate(2026, 11, 21));

        var sessions = await client.GetDocumentAsync("/my/sessions");
        Assert.Contains(sessions.QuerySelectorAll("#tasks a"), a => a.GetAttribute("href") == give && a.TextContent.Contains("Leading through inspection", StringComparison.Ordinal));
        var form = await client.GetDocumentAsync(give);
        var questions = form.QuerySelectorAll("#feedback-form fieldset, #feedback-form textarea").ToList();
        Assert.Equal(4, questions.Count);

        var empty = await Html.ParseAsync(await client.PostFormAsync(give, new Dictionary<string, string>()));
        Assert.Equal(["Answer at least one question, or leave this page if you would rather not give feedback"], empty.ErrorSummary());
        var radios = form.QuerySelectorAll("input[type=radio]").Select(r => r.GetAttribute("name")!).Distinct().ToList();
        var text = form.QuerySelectorAll("textarea").Select(t => t.GetAttribute("name")!).ToList();
        var bad = await Html.ParseAsync(await client.PostFormAsync(give, new Dictionary<string, string> { [radios[0]] = "9" }));
        Assert.Single(bad.ErrorSummary());
        Assert.Equal($"#{radios[0]}", bad.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));

        var sent = await client.PostFormAsync(give, new Dictionary<string, string> { [radios[0]] = "4", [radios[1]] = "5", [text[0]] = "Ask my team about inspection readiness" });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(FeedbackPages.Sent(session.Id), sent.Headers.Location!.OriginalString);
        Assert.Contains("Feedback sent", (await client.GetDocumentAsync(FeedbackPages.Sent(session.Id))).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);

        // Answered: the form says so and takes nothing more; the sessions page no longer asks.
        Assert.NotNull((await client.GetDocumentAsync(give)).QuerySelector("#already-answered"));
        var again = await client.PostFormAsync(give, new Dictionary<string, string> { [radios[0]] = "1" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.NotNull((await Html.ParseAsync(again)).QuerySelector("#already-answered"));
        Assert.DoesNotContain((await client.GetDocumentAsync("/my/sessions")).QuerySelectorAll("#tasks a"), a => a.GetAttribute("href") == give);
        Assert.Contains("Given, thank you", (await client.GetDocumentAsync(FeedbackPages.Mine)).QuerySelector("#past-feedback")!.TextContent, StringComparison.Ordinal);
        var stored = await app.WithScopeAsync(s => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Upon.Data.UponDbContext>(s).FeedbackAnswers.Where(a => a.Text == "Ask my team about inspection readiness")));
        Assert.Single(stored);
    }

    [SkippableFact]
    public async Task Results_AreWithheldBelowTheThreshold_AndCommentsReachStaffOnly()
    {
        app.RequireDatabase();
        var held = await FeedbackSeed.HeldSessionAsync(app, present: 6, title: "Threshold session");
        await FeedbackSeed.RunAsync(app, new LocalDate(2026, 11, 21));
        for (var i = 0; i < 4; i++)
        {
            await FeedbackSeed.AnswerAsync(app, held.Session, held.Present[i], 4, i == 0 ? "=HYPERLINK(\"http://evil.example\") secret comment" : null);
        }
        var staff = app.CreateClient(Roles.PartnerStaff);
        var page = FeedbackPages.Session(held.Session.Id);

        var withheld = await staff.GetDocumentAsync(page);
        Assert.NotNull(withheld.QuerySelector("#withheld"));
        Assert.DoesNotContain("secret comment", withheld.Body!.TextContent, StringComparison.Ordinal);
        var early = await UponCli.RunAsync(app.Database, "report", "feedback", "--strand", held.Strand.Slug, "--format", "json");
        Assert.True(early.ExitCode == 0, early.ToString());
        using (var withheldReport = JsonDocument.Parse(early.Output))
        {
            var means = Assert.Single(withheldReport.RootElement.GetProperty("sessions").EnumerateArray()).GetProperty("means");
            Assert.Equal(4, means.GetProperty("answers").GetInt32());
            Assert.Equal(JsonValueKind.Null, means.GetProperty("reactionMean").ValueKind);
            Assert.Equal(["reactionMean", "learningMean"], means.GetProperty("suppressed").EnumerateArray().Select(e => e.GetString()));
        }
        var funderFigures = await app.CreateClient(Roles.Funder).GetDocumentAsync(FeedbackPages.Figures);
        var funderRow = funderFigures.QuerySelectorAll("#figures tbody tr").Single(r => r.TextContent.Contains(held.Strand.Name, StringComparison.Ordinal));
        Assert.Equal(["c", "c", "c"], funderRow.QuerySelectorAll("td").Skip(2).Select(c => c.TextContent.Trim()));

        await FeedbackSeed.AnswerAsync(app, held.Session, held.Present[4], 2);
        var shown = await staff.GetDocumentAsync(page);
        Assert.Null(shown.QuerySelector("#withheld"));
        Assert.Contains("secret comment", shown.QuerySelector(".upon-comments")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("5 ratings, mean 3.6", shown.Body!.TextContent, StringComparison.Ordinal);

        // The funder: a count of 5 and the means, never a comment, on the page and from the API.
        funderFigures = await app.CreateClient(Roles.Funder).GetDocumentAsync(FeedbackPages.Figures);
        funderRow = funderFigures.QuerySelectorAll("#figures tbody tr").Single(r => r.TextContent.Contains(held.Strand.Name, StringComparison.Ordinal));
        Assert.Equal(["5", "3.6", "3.6"], funderRow.QuerySelectorAll("td").Skip(2).Select(c => c.TextContent.Trim()));
        Assert.DoesNotContain("secret comment", funderFigures.Body!.TextContent, StringComparison.Ordinal);
        await AssertRefusedAsync(app.CreateClient(Roles.Funder), page);
        var api = await app.CreateApiClient(Roles.Funder).GetAsync("/api/reports/feedback?year=2026-27");
        var body = await api.Content.ReadAsStringAsync();
        Assert.DoesNotContain("secret comment", body, StringComparison.Ordinal);
        var item = JsonDocument.Parse(body).RootElement.EnumerateArray().Single(e => e.GetProperty("strand").GetString() == held.Strand.Name);
        Assert.Equal(5, item.GetProperty("answers").GetInt32());
        Assert.Equal(3.6, item.GetProperty("reactionMean").GetDouble(), 6);
        Assert.Equal(0, item.GetProperty("suppressed").GetArrayLength());
        await ApiTesting.AssertProblemAsync(await app.CreateApiClient(Roles.Funder).GetAsync("/api/reports/feedback?year=2026"), 400);

        // Staff downloads: the CSV's figures, and the comment in the workbook, neutralised.
        var csv = await (await staff.GetAsync("/feedback/export.csv")).Content.ReadAsStringAsync();
        Assert.StartsWith(string.Join(',', FeedbackExports.SessionsHeader), csv, StringComparison.Ordinal);
        Assert.Contains($"{held.Session.Id},2026-11-20,Threshold session,{held.Strand.Name},6,5,3.6,3.6", csv, StringComparison.Ordinal);
        var xlsx = await staff.GetAsync("/feedback/export.xlsx");
        using var workbook = new XLWorkbook(await xlsx.Content.ReadAsStreamAsync());
        var comment = workbook.Worksheet("Comments").CellsUsed().Single(c => c.GetString().Contains("secret comment", StringComparison.Ordinal));
        Assert.True(comment.Style.IncludeQuotePrefix);
        await AssertRefusedAsync(app.CreateClient(Roles.Funder), "/feedback/export.xlsx");

        // Operators: upon report feedback gives the same figures, withheld below the threshold, and never a comment.
        var json = await UponCli.RunAsync(app.Database, "report", "feedback", "--strand", held.Strand.Slug, "--year", "2026-27", "--format", "json");
        Assert.True(json.ExitCode == 0, json.ToString());
        Assert.DoesNotContain("secret comment", json.Output, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(json.Output);
        Assert.Equal((5, held.Strand.Name, "2026-27"), (report.RootElement.GetProperty("threshold").GetInt32(), report.RootElement.GetProperty("strand").GetString(), report.RootElement.GetProperty("financialYear").GetString()));
        var year = Assert.Single(report.RootElement.GetProperty("years").EnumerateArray());
        Assert.Equal("2026-27", year.GetProperty("financialYear").GetString());
        Assert.Equal(5, year.GetProperty("means").GetProperty("answers").GetInt32());
        Assert.Equal(3.6, year.GetProperty("means").GetProperty("reactionMean").GetDouble(), 6);
        var strandYear = Assert.Single(report.RootElement.GetProperty("strands").EnumerateArray());
        Assert.Equal(3.6, strandYear.GetProperty("means").GetProperty("learningMean").GetDouble(), 6);
        var line = Assert.Single(report.RootElement.GetProperty("sessions").EnumerateArray());
        Assert.Equal((held.Session.Id, "2026-11-20", 6, 5), (line.GetProperty("sessionId").GetInt32(), line.GetProperty("date").GetString(), line.GetProperty("asked").GetInt32(), line.GetProperty("means").GetProperty("answers").GetInt32()));
        var csvReport = await UponCli.RunAsync(app.Database, "report", "feedback", "--strand", held.Strand.Name, "--format", "csv");
        Assert.True(csvReport.ExitCode == 0, csvReport.ToString());
        Assert.StartsWith(string.Join(',', FeedbackReport.CsvHeader), csvReport.Output, StringComparison.Ordinal);
        Assert.Contains($"session,2026-27,{held.Strand.Name},{held.Session.Id},2026-11-20,Threshold session,6,5,3.6,3.6", csvReport.Output, StringComparison.Ordinal);
        Assert.Contains($"strand,2026-27,{held.Strand.Name},,,,,5,3.6,3.6", csvReport.Output, StringComparison.Ordinal);
        var table = await UponCli.RunAsync(app.Database, "report", "feedback", "--strand", held.Strand.Slug);
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("Threshold session", table.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("secret comment", table.Output, StringComparison.Ordinal);
        var badYear = await UponCli.RunAsync(app.Database, "report", "feedback", "--year", "2026");
        Assert.Equal(2, badYear.ExitCode);
        Assert.Contains("'2026' is not a financial year", badYear.Error, StringComparison.Ordinal);
        Assert.Equal(1, (await UponCli.RunAsync(app.Database, "report", "feedback", "--strand", "no-such-strand")).ExitCode);
    }

    [SkippableFact]
    public async Task Staff_RemoveOneComment_WithAReason_AndTheFiguresStay()
    {
        app.RequireDatabase();
        var held = await FeedbackSeed.HeldSessionAsync(app, present: 6, title: "Comment removal session");
        await FeedbackSeed.RunAsync(app, new LocalDate(2026, 11, 21));
        const string naming = "Dana Whitfield was rude to me in the breakout group";
        const string kept = "Useful case studies from other authorities";
        int[] ratings = [4, 2, 3, 4, 5];
        for (var i = 0; i < ratings.Length; i++)
        {
            Assert.Equal(SubmissionOutcome.Saved, await FeedbackSeed.AnswerAsync(app, held.Session, held.Present[i], ratings[i], i switch { 0 => naming, 1 => kept, _ => null }));
        }
        var staff = app.CreateClient(Roles.PartnerStaff);
        var page = FeedbackPages.Session(held.Session.Id);
        async Task<string> CsvLineAsync() => (await (await staff.GetAsync("/feedback/export.csv")).Content.ReadAsStringAsync())
            .Split('\n').Single(l => l.StartsWith($"{held.Session.Id},", StringComparison.Ordinal)).TrimEnd('\r');
        var csvBefore = await CsvLineAsync();
        Assert.Equal($"{held.Session.Id},2026-11-20,Comment removal session,{held.Strand.Name},6,5,3.6,3.6", csvBefore);
        Task<int> AnswerRowsAsync() => app.WithScopeAsync(s => s.GetRequiredService<Upon.Data.UponDbContext>().FeedbackAnswers
            .Where(a => s.GetRequiredService<Upon.Data.UponDbContext>().FeedbackResponses.Any(r => r.Id == a.ResponseId && r.SessionId == held.Session.Id)).CountAsync());
        var rowsBefore = await AnswerRowsAsync();

        // Each comment has its link; the page that confirms shows the comment and the question, and nothing of who gave it.
        var before = await staff.GetDocumentAsync(page);
        var ratingsBefore = before.QuerySelectorAll("table[data-question]").Select(t => t.TextContent).ToList();
        var items = before.QuerySelectorAll(".upon-comments li").ToList();
        Assert.Equal([naming, kept], items.Select(li => li.QuerySelector(".upon-comment")!.TextContent));
        Assert.All(items, li => Assert.StartsWith("Remove comment", li.QuerySelector("a")!.TextContent, StringComparison.Ordinal));
        var remove = items.Single(li => li.TextContent.Contains(naming, StringComparison.Ordinal)).QuerySelector("a")!.GetAttribute("href")!;
        Assert.Matches("^/feedback/comments/[0-9a-f-]{36}/remove$", remove);
        var confirm = await staff.GetDocumentAsync(remove);
        Assert.Equal(naming, confirm.QuerySelector("#comment-text")!.TextContent.Trim());
        Assert.Contains("What will you do differently as a result of this session?", confirm.QuerySelector("#comment")!.TextContent, StringComparison.Ordinal);
        Assert.All(held.Present, person =>
        {
            Assert.DoesNotContain(person.Email, confirm.Body!.InnerHtml, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(person.FamilyName, confirm.Body!.TextContent, StringComparison.Ordinal);
        });

        // No reason, or too long a one: the error summary links to the field, and nothing is removed or logged.
        var missing = await Html.ParseAsync(await staff.PostFormAsync(remove, new Dictionary<string, string> { ["Reason"] = "  " }));
        Assert.Equal(["Enter why the comment is removed"], missing.ErrorSummary());
        Assert.Equal("#Reason", missing.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        Assert.StartsWith("Error: ", missing.Title, StringComparison.Ordinal);
        var tooLong = await Html.ParseAsync(await staff.PostFormAsync(remove, new Dictionary<string, string> { ["Reason"] = new string('x', FeedbackCommentRemoval.MaxReasonLength + 1) }));
        Assert.Equal(["Reason must be 500 characters or fewer"], tooLong.ErrorSummary());
        Assert.Equal([naming, kept], (await staff.GetDocumentAsync(page)).QuerySelectorAll(".upon-comment").Select(c => c.TextContent));
        Task<List<Upon.Audit.AuditEvent>> RemovalsAsync() => app.WithScopeAsync(s => s.GetRequiredService<Upon.Data.UponDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.Action == FeedbackCommentRemoval.RemovedAction && e.EntityId == held.Session.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToListAsync());
        Assert.Empty(await RemovalsAsync());

        // Confirmed: back to the session's page with a banner, that comment gone, the other and every figure as they were.
        var done = await staff.PostFormAsync(remove, new Dictionary<string, string> { ["Reason"] = "The person it names asked us to remove it" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(page, done.Headers.Location!.OriginalString);
        var after = await staff.GetDocumentAsync(page);
        Assert.Equal("The comment was removed", after.QuerySelector("#notice")!.TextContent.Trim());
        Assert.Equal([kept], after.QuerySelectorAll(".upon-comment").Select(c => c.TextContent));
        Assert.DoesNotContain(naming, after.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ratingsBefore, after.QuerySelectorAll("table[data-question]").Select(t => t.TextContent));
        Assert.Equal("5", after.QuerySelectorAll("#counts dd")[1].TextContent.Trim());
        Assert.Null((await staff.GetDocumentAsync(page)).QuerySelector("#notice"));
        Assert.Equal(csvBefore, await CsvLineAsync());
        Assert.Equal(rowsBefore, await AnswerRowsAsync());
        using (var workbook = new XLWorkbook(await (await staff.GetAsync("/feedback/export.xlsx")).Content.ReadAsStreamAsync()))
        {
            var texts = workbook.Worksheet("Comments").CellsUsed().Select(c => c.GetString()).ToList();
            Assert.Contains(kept, texts);
            Assert.DoesNotContain(texts, t => t.Contains("Dana Whitfield", StringComparison.Ordinal));
        }
        Assert.Equal(0, await app.WithScopeAsync(s => s.GetRequiredService<Upon.Data.UponDbContext>().FeedbackAnswers.CountAsync(a => a.Text == naming)));

        // One audit line: the session, the question and the reason, never the comment's text or whose answer it was.
        var line = Assert.Single(await RemovalsAsync());
        Assert.Equal("Session", line.EntityType);
        Assert.Contains("The person it names asked us to remove it", line.Detail, StringComparison.Ordinal);
        Assert.False(await app.WithScopeAsync(s => s.GetRequiredService<Upon.Data.UponDbContext>().AuditEvents.AnyAsync(e => e.Detail!.Contains("Dana Whitfield") || e.Changes!.Contains("Dana Whitfield"))));

        // Removed already: nothing to confirm, and a second post (with a token from the session's page) writes nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync(remove)).StatusCode);
        var again = await staff.PostFormAsync(page, new Dictionary<string, string> { ["Reason"] = "Again" }, remove);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Single(await RemovalsAsync());

        // The other roles never reach it.
        var keptLink = after.QuerySelector(".upon-comments li a")!.GetAttribute("href")!;
        await AssertRefusedAsync(app.CreateClient(Roles.Participant), keptLink);
        await AssertRefusedAsync(app.CreateClient(Roles.Funder), keptLink);
        // With a valid antiforgery token of their own (from their account page), so only the authorisation refuses it.
        var sneak = await app.CreateClient(Roles.Funder).PostFormAsync("/account", new Dictionary<string, string> { ["Reason"] = "sneaky" }, keptLink);
        Assert.True(sneak.StatusCode is HttpStatusCode.Forbidden || (sneak.StatusCode == HttpStatusCode.Redirect && sneak.Headers.Location!.OriginalString.Contains("/error/403", StringComparison.Ordinal)),
            $"POST {keptLink} as the funder answered {(int)sneak.StatusCode}");
        Assert.Equal([kept], (await staff.GetDocumentAsync(page)).QuerySelectorAll(".upon-comment").Select(c => c.TextContent));
        Assert.Single(await RemovalsAsync());
    }

    [SkippableFact]
    public async Task FunderApi_SuppressesSmallCounts_StaffSeeThemExactly()
    {
        app.RequireDatabase();
        var held = await FeedbackSeed.HeldSessionAsync(app, present: 3, title: "Small strand session");
        await FeedbackSeed.RunAsync(app, new LocalDate(2026, 11, 21));
        await FeedbackSeed.AnswerAsync(app, held.Session, held.Present[0], 5);
        await FeedbackSeed.AnswerAsync(app, held.Session, held.Present[1], 5);

        JsonElement For(string json) => JsonDocument.Parse(json).RootElement.EnumerateArray().Single(e => e.GetProperty("strand").GetString() == held.Strand.Name);
        var funder = For(await app.CreateApiClient(Roles.Funder).GetStringAsync("/api/reports/feedback"));
        Assert.Equal(JsonValueKind.Null, funder.GetProperty("answers").ValueKind);
        Assert.Equal(["answers", "reactionMean", "learningMean"], funder.GetProperty("suppressed").EnumerateArray().Select(e => e.GetString()));
        var staff = For(await app.CreateApiClient(Roles.PartnerStaff).GetStringAsync("/api/reports/feedback"));
        Assert.Equal(2, staff.GetProperty("answers").GetInt32());
        Assert.Equal(JsonValueKind.Null, staff.GetProperty("reactionMean").ValueKind);
        Assert.Equal(["reactionMean", "learningMean"], staff.GetProperty("suppressed").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await app.CreateApiClient(Roles.Participant).GetAsync("/api/reports/feedback")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.CreateApiClient(Roles.Coach).GetAsync("/api/reports/feedback")).StatusCode);
    }

    [SkippableFact]
    public async Task AMean_NeedsTheThresholdOfRatings_NotOnlyOfResponses()
    {
        app.RequireDatabase();
        var held = await FeedbackSeed.HeldSessionAsync(app, present: 5, title: "Mostly comments");
        await FeedbackSeed.RunAsync(app, new LocalDate(2026, 11, 21));
        Assert.Equal(SubmissionOutcome.Saved, await FeedbackSeed.AnswerAsync(app, held.Session, held.Present[0], 1));
        for (var i = 1; i < 5; i++)
        {
            Assert.Equal(SubmissionOutcome.Saved, await FeedbackSeed.CommentAsync(app, held.Session, held.Present[i], $"comment {i}"));
        }

        // Five responses, so the comments are shown to staff; but one person's ratings are not.
        var page = await app.CreateClient(Roles.PartnerStaff).GetDocumentAsync(FeedbackPages.Session(held.Session.Id));
        Assert.Null(page.QuerySelector("#withheld"));
        Assert.Contains("comment 3", page.QuerySelector(".upon-comments")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("1 ratings", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Fewer than 5 people gave this question a rating", page.Body.TextContent, StringComparison.Ordinal);

        JsonElement For(string json) => JsonDocument.Parse(json).RootElement.EnumerateArray().Single(e => e.GetProperty("strand").GetString() == held.Strand.Name);
        var funder = For(await app.CreateApiClient(Roles.Funder).GetStringAsync("/api/reports/feedback"));
        Assert.Equal(5, funder.GetProperty("answers").GetInt32());
        Assert.Equal(JsonValueKind.Null, funder.GetProperty("reactionMean").ValueKind);
        Assert.Equal(["reactionMean", "learningMean"], funder.GetProperty("suppressed").EnumerateArray().Select(e => e.GetString()));
        var csv = await (await app.CreateClient(Roles.PartnerStaff).GetAsync("/feedback/export.csv")).Content.ReadAsStringAsync();
        Assert.Contains($"{held.Session.Id},2026-11-20,Mostly comments,{held.Strand.Name},5,5,c,c", csv, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task AStrandsYear_NeverGivesAwayAWithheldSession_BySubtraction()
    {
        app.RequireDatabase();
        var shown = await FeedbackSeed.HeldSessionAsync(app, present: 5, title: "Well answered");
        var small = await FeedbackSeed.HeldSessionAsync(app, present: 3, title: "Small one", start: new LocalDateTime(2026, 11, 18, 14, 0), strand: shown.Strand);
        var other = await FeedbackSeed.HeldSessionAsync(app, present: 2, title: "Small two", start: new LocalDateTime(2026, 11, 13, 14, 0), strand: shown.Strand);
        await FeedbackSeed.RunAsync(app, new LocalDate(2026, 11, 21));
        foreach (var person in shown.Present)
        {
            await FeedbackSeed.AnswerAsync(app, shown.Session, person, 4);
        }
        foreach (var person in small.Present)
        {
            await FeedbackSeed.AnswerAsync(app, small.Session, person, 1);
        }

        async Task<(double? Reaction, int Answers)> StrandYearAsync()
        {
            var json = await app.CreateApiClient(Roles.PartnerStaff).GetStringAsync("/api/reports/feedback?year=2026-27");
            var item = JsonDocument.Parse(json).RootElement.EnumerateArray().Single(e => e.GetProperty("strand").GetString() == shown.Strand.Name);
            var mean = item.GetProperty("reactionMean");
            return (mean.ValueKind == JsonValueKind.Null ? null : mean.GetDouble(), item.GetProperty("answers").GetInt32());
        }

        // Three answers withheld in their own session: the strand's year is over the shown session alone, so that it less
        // the shown session gives nothing (it would have given the small session's mean, 1.0).
        var (reaction, answers) = await StrandYearAsync();
        Assert.Equal(8, answers);
        Assert.Equal(4.0, reaction!.Value, 6);
        var csv = await (await app.CreateClient(Roles.PartnerStaff).GetAsync("/feedback/export.csv")).Content.ReadAsStringAsync();
        Assert.Contains($"{small.Session.Id},2026-11-18,Small one,{shown.Strand.Name},3,3,c,c", csv, StringComparison.Ordinal);

        // Two more in another session: the withheld sessions together reach five, and count.
        foreach (var person in other.Present)
        {
            await FeedbackSeed.AnswerAsync(app, other.Session, person, 2);
        }
        (reaction, answers) = await StrandYearAsync();
        Assert.Equal(10, answers);
        Assert.Equal((5 * 4 + 3 * 1 + 2 * 2) / 10.0, reaction!.Value, 6);
    }

    [SkippableFact]
    public async Task AnAnsweredQuestion_KeepsWhatItAsksAbout()
    {
        app.RequireDatabase();
        var held = await FeedbackSeed.HeldSessionAsync(app, present: 1, title: "Level change session");
        var staff = app.CreateClient(Roles.Administrator);
        var created = await staff.PostFormAsync("/feedback/forms/new", new Dictionary<string, string> { ["Name"] = "Level feedback", ["StrandId"] = held.Strand.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var formUrl = created.Headers.Location!.OriginalString;
        await FeedbackSeed.RunAsync(app, new LocalDate(2026, 11, 21));
        Assert.Equal(SubmissionOutcome.Saved, await FeedbackSeed.AnswerAsync(app, held.Session, held.Present[0], 4));

        var fields = await FormFieldsAsync(staff, formUrl);
        Assert.Equal("Reaction", fields["Questions[0].Level"]);
        fields["Questions[0].Level"] = "Learning";
        var error = await Html.ParseAsync(await staff.PostFormAsync(formUrl, fields));
        Assert.Equal(["Question 1 has answers, so what it asks about cannot change: stop asking it and add a new question"], error.ErrorSummary());
        var level = await app.WithScopeAsync(async s => (await s.GetRequiredService<FeedbackForms>().FormForAsync(held.Session))!.Questions.OrderBy(q => q.Position).First().Level);
        Assert.Equal(Upon.Core.SessionFeedback.KirkpatrickLevel.Reaction, level);
    }

    [SkippableFact]
    public async Task Staff_ChangeAStrandsQuestions_AndTheNextFormAsksThem()
    {
        app.RequireDatabase();
        var held = await FeedbackSeed.HeldSessionAsync(app, present: 1, title: "Form change session");
        var staff = app.CreateClient(Roles.Administrator);
        var created = await staff.PostFormAsync("/feedback/forms/new", new Dictionary<string, string> { ["Name"] = "Residential feedback", ["StrandId"] = held.Strand.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var formUrl = created.Headers.Location!.OriginalString;
        var duplicate = await Html.ParseAsync(await staff.PostFormAsync("/feedback/forms/new", new Dictionary<string, string> { ["Name"] = "Again", ["StrandId"] = held.Strand.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        Assert.Single(duplicate.ErrorSummary());

        var fields = await FormFieldsAsync(staff, formUrl);
        fields["Questions[0].Text"] = "How useful was the residential?";
        fields["Questions[4].Text"] = "Who would you recommend it to?";
        fields["Questions[4].Kind"] = "Text";
        fields["Questions[3].Retired"] = "true";
        var tooLong = new Dictionary<string, string>(fields) { ["Questions[1].Text"] = new string('x', 301) };
        var error = await Html.ParseAsync(await staff.PostFormAsync(formUrl, tooLong));
        Assert.Equal(["Question 2 must be 300 characters or fewer"], error.ErrorSummary());
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync(formUrl, fields)).StatusCode);

        await FeedbackSeed.RunAsync(app, new LocalDate(2026, 11, 21));
        var session = await app.WithScopeAsync(s => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<FeedbackForms>(s).FormForAsync(held.Session));
        Assert.Equal("Residential feedback", session!.Name);
        Assert.Equal(["How useful was the residential?", "How much did you learn that you can put into practice?", "What will you do differently as a result of this session?", "Who would you recommend it to?"],
            session.Questions.Where(q => !q.Retired).OrderBy(q => q.Position).Select(q => q.Text));
        await AssertRefusedAsync(app.CreateClient(Roles.Funder), formUrl);
        await AssertRefusedAsync(app.CreateClient(Roles.Participant), "/feedback");
    }

    /// <summary>The form's fields as the page gives them (each select's chosen option), to post back changed.</summary>
    private static async Task<Dictionary<string, string>> FormFieldsAsync(HttpClient staff, string formUrl)
    {
        var edit = await staff.GetDocumentAsync(formUrl);
        return edit.QuerySelectorAll("form input, form select").Where(e => e.GetAttribute("name") is { } n && n != "__RequestVerificationToken" && e.GetAttribute("type") != "checkbox")
            .ToDictionary(e => e.GetAttribute("name")!, e => e.TagName == "SELECT" ? e.QuerySelector("option[selected]")?.GetAttribute("value") ?? e.QuerySelector("option")!.GetAttribute("value")! : e.GetAttribute("value") ?? "");
    }
}

public sealed class FeedbackPagesTests_Sqlite(SqliteApp app) : FeedbackPagesTests(app), IClassFixture<SqliteApp>;

public sealed class FeedbackPagesTests_Postgres(PostgresApp app) : FeedbackPagesTests(app), IClassFixture<PostgresApp>;
