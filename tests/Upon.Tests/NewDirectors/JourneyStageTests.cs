using System.Net;
using NodaTime;
using Upon.Accounts;
using Upon.Sessions;
using Upon.Shared.Security;
using Upon.Core.Sessions;
using Upon.NewDirectors;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.NewDirectors;

/// <summary>The daily run: stage changes at months 12/13 and 24, recorded once; completion; leaving post and staff's decision.</summary>
public abstract class JourneyStageTests(UponApp app)
{
    private static LocalDate D(int year, int month, int day) => new(year, month, day);

    [SkippableFact]
    public async Task AdvanceStages_AtMonth13AndAfterMonth24_RecordsEachChangeOnce()
    {
        app.RequireDatabase();
        var strand = await JourneySeed.StrandAsync(app);
        var start = D(2024, 11, 20);
        var (keen, keenEnrolment) = await JourneySeed.EnrolAsync(app, strand, start);
        var (absent, absentEnrolment) = await JourneySeed.EnrolAsync(app, strand, start);
        var workshops = new List<Upon.Sessions.Session>();
        foreach (var day in new[] { D(2024, 12, 13), D(2025, 1, 10), D(2025, 2, 14), D(2025, 3, 14), D(2025, 4, 11) })
        {
            workshops.Add(await JourneySeed.SessionAsync(app, strand, day, SessionType.VirtualWorkshop, "Workshop"));
        }
        var residential = await JourneySeed.SessionAsync(app, strand, D(2025, 3, 4), SessionType.Residential, "Residential", hours: 26);
        foreach (var workshop in workshops.Take(3))
        {
            await JourneySeed.MarkAsync(app, workshop, keen, AttendanceMark.Present);
        }
        await JourneySeed.MarkAsync(app, residential, keen, AttendanceMark.Present);
        await JourneySeed.MarkAsync(app, workshops[0], absent, AttendanceMark.Present);

        // Month 12's last day: the core programme is recorded from the start, once.
        await JourneySeed.RunAsync(app, D(2025, 11, 19));
        await JourneySeed.RunAsync(app, D(2025, 11, 19));
        var keenNow = await JourneySeed.EnrolmentAsync(app, keenEnrolment.Id);
        Assert.Equal(EnrolmentStatus.CoreProgramme, keenNow.Status);
        Assert.Equal([(EnrolmentStatus.CoreProgramme, start)], keenNow.History.Select(h => (h.Status, h.From)));

        // Month 13's first day: the coaching year, once.
        await JourneySeed.RunAsync(app, D(2025, 11, 20));
        await JourneySeed.RunAsync(app, D(2025, 11, 20));
        keenNow = await JourneySeed.EnrolmentAsync(app, keenEnrolment.Id);
        Assert.Equal(EnrolmentStatus.CoachingYear, keenNow.Status);
        Assert.Equal([(EnrolmentStatus.CoreProgramme, start), (EnrolmentStatus.CoachingYear, D(2025, 11, 20))],
            keenNow.History.OrderBy(h => h.Id).Select(h => (h.Status, h.From)));

        // Month 24's last day changes nothing; the day after completes who met the criteria, once.
        await JourneySeed.RunAsync(app, D(2026, 11, 19));
        Assert.Equal(2, (await JourneySeed.EnrolmentAsync(app, keenEnrolment.Id)).History.Count);
        await JourneySeed.RunAsync(app, D(2026, 11, 20));
        await JourneySeed.RunAsync(app, D(2026, 11, 20));
        await JourneySeed.RunAsync(app, D(2026, 11, 25));
        keenNow = await JourneySeed.EnrolmentAsync(app, keenEnrolment.Id);
        Assert.Equal(EnrolmentStatus.Completed, keenNow.Status);
        Assert.Equal(
            [(EnrolmentStatus.CoreProgramme, start), (EnrolmentStatus.CoachingYear, D(2025, 11, 20)), (EnrolmentStatus.Completed, D(2026, 11, 20))],
            keenNow.History.OrderBy(h => h.Id).Select(h => (h.Status, h.From)));
        Assert.Contains("3 of 5 core workshops", keenNow.History.OrderBy(h => h.Id).Last().Reason, StringComparison.Ordinal);

        // Who did not meet them stays in the coaching year, noted once, for staff to decide.
        var absentNow = await JourneySeed.EnrolmentAsync(app, absentEnrolment.Id);
        Assert.Equal(EnrolmentStatus.CoachingYear, absentNow.Status);
        var note = Assert.Single(absentNow.History, h => h.From == D(2026, 11, 20));
        Assert.Equal(EnrolmentStatus.CoachingYear, note.Status);
        Assert.StartsWith(JourneyService.DidNotMeetCriteria, note.Reason, StringComparison.Ordinal);
        Assert.Equal(3, absentNow.History.Count);

        var staff = app.CreateClient(Roles.PartnerStaff);
        var flagged = await staff.GetDocumentAsync("/new-directors?flag=not-completed");
        Assert.NotNull(flagged.QuerySelector($"tr[data-enrolment-id='{absentEnrolment.Id}'] [data-flag='not-completed']"));
        Assert.Null(flagged.QuerySelector($"tr[data-enrolment-id='{keenEnrolment.Id}']"));
        var page = $"/new-directors/participants/{absentEnrolment.Id}";
        var details = await staff.GetDocumentAsync(page);
        Assert.NotNull(details.QuerySelector("#not-completed"));
        Assert.Contains("1 of 5", details.QuerySelector("#progress-workshops")!.TextContent, StringComparison.Ordinal);

        // Staff complete them by hand, with a reason.
        var completed = await staff.PostFormAsync(page, new Dictionary<string, string>
        {
            ["Action"] = nameof(JourneyAction.Complete),
            ["On.day"] = "25", ["On.month"] = "11", ["On.year"] = "2026",
            ["Reason"] = "Attended the coaching year in full; the core workshops clashed with budget setting",
        }, $"{page}?handler=Change");
        Assert.Equal(HttpStatusCode.Redirect, completed.StatusCode);
        absentNow = await JourneySeed.EnrolmentAsync(app, absentEnrolment.Id);
        Assert.Equal(EnrolmentStatus.Completed, absentNow.Status);
        Assert.Equal(4, absentNow.History.Count);
        Assert.Null((await staff.GetDocumentAsync(page)).QuerySelector("#not-completed"));
    }

    [SkippableFact]
    public async Task AdvanceStages_TwoRunsAtOnce_RecordEachStageOnce()
    {
        app.RequireDatabase();
        var strand = await JourneySeed.StrandAsync(app);
        var enrolments = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            enrolments.Add((await JourneySeed.EnrolAsync(app, strand, D(2025, 10, 1).PlusDays(i))).Enrolment.Id);
        }

        await Task.WhenAll(JourneySeed.RunAsync(app, D(2026, 11, 25)), JourneySeed.RunAsync(app, D(2026, 11, 25)));

        foreach (var id in enrolments)
        {
            var enrolment = await JourneySeed.EnrolmentAsync(app, id);
            Assert.Equal(EnrolmentStatus.CoachingYear, enrolment.Status);
            Assert.Equal([EnrolmentStatus.CoreProgramme, EnrolmentStatus.CoachingYear], enrolment.History.OrderBy(h => h.From).Select(h => h.Status));
        }
    }

    [SkippableFact]
    public async Task LeavingPost_IsFlaggedFromTheRegister_AndStaffContinueOrWithdraw()
    {
        app.RequireDatabase();
        var strand = await JourneySeed.StrandAsync(app);
        var (staying, _) = await JourneySeed.DirectorAsync(app, D(2026, 5, 1));
        var (leaving, _) = await JourneySeed.DirectorAsync(app, D(2026, 5, 1), end: D(2026, 10, 31));
        var (withdrawing, withdrawingPost) = await JourneySeed.DirectorAsync(app, D(2026, 5, 1));
        var (_, stayingEnrolment) = await JourneySeed.EnrolAsync(app, strand, D(2026, 5, 15), staying);
        var (_, leavingEnrolment) = await JourneySeed.EnrolAsync(app, strand, D(2026, 5, 15), leaving);
        var (_, withdrawingEnrolment) = await JourneySeed.EnrolAsync(app, strand, D(2026, 5, 15), withdrawing);

        await JourneySeed.RunAsync(app, D(2026, 11, 25));
        Assert.Null((await JourneySeed.EnrolmentAsync(app, stayingEnrolment.Id)).LeftPostOn);
        Assert.Equal(D(2026, 10, 31), (await JourneySeed.EnrolmentAsync(app, leavingEnrolment.Id)).LeftPostOn);

        // The register hears later that the third director left too.
        await app.WithDbAsync(async db =>
        {
            var post = await db.Appointments.FindAsync(withdrawingPost.Id);
            post!.EndDate = D(2026, 11, 6);
            post.LeavingReason = Upon.Core.Register.LeavingReason.Retired;
            post.Unplanned = false;
            await db.SaveChangesAsync();
        });
        await JourneySeed.RunAsync(app, D(2026, 11, 25));
        Assert.Equal(D(2026, 11, 6), (await JourneySeed.EnrolmentAsync(app, withdrawingEnrolment.Id)).LeftPostOn);

        var staff = app.CreateClient(Roles.Administrator);
        var flagged = await staff.GetDocumentAsync("/new-directors?flag=left-post");
        Assert.NotNull(flagged.QuerySelector($"tr[data-enrolment-id='{leavingEnrolment.Id}'] [data-flag='left-post']"));
        Assert.NotNull(flagged.QuerySelector($"tr[data-enrolment-id='{withdrawingEnrolment.Id}'] [data-flag='left-post']"));
        Assert.Null(flagged.QuerySelector($"tr[data-enrolment-id='{stayingEnrolment.Id}']"));

        var page = $"/new-directors/participants/{leavingEnrolment.Id}";
        Assert.Contains("31 October 2026", (await staff.GetDocumentAsync(page)).QuerySelector("#left-post")!.TextContent, StringComparison.Ordinal);
        var empty = await Html.ParseAsync(await staff.PostFormAsync(page, new Dictionary<string, string>(), $"{page}?handler=LeftPost"));
        Assert.Equal(["Select whether they continue or are withdrawn", "Enter a reason"], empty.ErrorSummary());

        var continued = await staff.PostFormAsync(page, new Dictionary<string, string> { ["Decision"] = "continue", ["DecisionReason"] = "Now an interim deputy chief executive; finishing the core year" }, $"{page}?handler=LeftPost");
        Assert.Equal(HttpStatusCode.Redirect, continued.StatusCode);
        var leavingNow = await JourneySeed.EnrolmentAsync(app, leavingEnrolment.Id);
        Assert.Null(leavingNow.LeftPostOn);
        Assert.NotEqual(EnrolmentStatus.Withdrawn, leavingNow.Status);
        var note = Assert.Single(leavingNow.History, h => h.Reason!.StartsWith(JourneyService.ContinuedAfterLeavingPost, StringComparison.Ordinal));
        Assert.Equal(D(2026, 10, 31), note.From);
        Assert.Contains("interim deputy chief executive", note.Reason, StringComparison.Ordinal);

        var withdrawPage = $"/new-directors/participants/{withdrawingEnrolment.Id}";
        var withdrawn = await staff.PostFormAsync(withdrawPage, new Dictionary<string, string> { ["Decision"] = "withdraw", ["DecisionReason"] = "Retired from local government" }, $"{withdrawPage}?handler=LeftPost");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);

        // A second run flags neither again, and the withdrawn record stays with its leaving date.
        var history = (await JourneySeed.EnrolmentAsync(app, leavingEnrolment.Id)).History.Count;
        await JourneySeed.RunAsync(app, D(2026, 11, 25));
        leavingNow = await JourneySeed.EnrolmentAsync(app, leavingEnrolment.Id);
        Assert.Null(leavingNow.LeftPostOn);
        Assert.Equal(history, leavingNow.History.Count);
        var withdrawingNow = await JourneySeed.EnrolmentAsync(app, withdrawingEnrolment.Id);
        Assert.Equal(EnrolmentStatus.Withdrawn, withdrawingNow.Status);
        Assert.Equal(D(2026, 11, 6), withdrawingNow.LeftPostOn);
        Assert.Contains(withdrawingNow.History, h => h.Status == EnrolmentStatus.Withdrawn && h.Reason!.Contains("Retired from local government", StringComparison.Ordinal));
        var after = await staff.GetDocumentAsync("/new-directors?flag=left-post");
        Assert.Null(after.QuerySelector($"tr[data-enrolment-id='{leavingEnrolment.Id}']"));
        Assert.Null(after.QuerySelector($"tr[data-enrolment-id='{withdrawingEnrolment.Id}']"));
        Assert.NotNull((await staff.GetDocumentAsync("/new-directors")).QuerySelector($"tr[data-enrolment-id='{withdrawingEnrolment.Id}']"));
    }

    [SkippableFact]
    public async Task StaffDeferAndResume_WithADateAndAReason_ValidatedAtTheEdge()
    {
        app.RequireDatabase();
        var strand = await JourneySeed.StrandAsync(app);
        var (_, enrolment) = await JourneySeed.EnrolAsync(app, strand, D(2026, 9, 1));
        await JourneySeed.RunAsync(app, D(2026, 11, 25));
        var staff = app.CreateClient(Roles.PartnerStaff);
        var page = $"/new-directors/participants/{enrolment.Id}";

        var empty = await Html.ParseAsync(await staff.PostFormAsync(page, new Dictionary<string, string>(), $"{page}?handler=Change"));
        Assert.Equal(["Select what to record", "Enter a date", "Enter a reason"], empty.ErrorSummary());
        var future = await Html.ParseAsync(await staff.PostFormAsync(page, new Dictionary<string, string>
        {
            ["Action"] = nameof(JourneyAction.Defer), ["On.day"] = "26", ["On.month"] = "11", ["On.year"] = "2026", ["Reason"] = "Ofsted inspection",
        }, $"{page}?handler=Change"));
        Assert.Equal(["The date must be today or in the past"], future.ErrorSummary());
        var early = await Html.ParseAsync(await staff.PostFormAsync(page, new Dictionary<string, string>
        {
            ["Action"] = nameof(JourneyAction.Defer), ["On.day"] = "31", ["On.month"] = "8", ["On.year"] = "2026", ["Reason"] = "Ofsted inspection",
        }, $"{page}?handler=Change"));
        Assert.Equal(["The date must be on or after 1 September 2026, when the journey began"], early.ErrorSummary());
        var notOffered = await Html.ParseAsync(await staff.PostFormAsync(page, new Dictionary<string, string>
        {
            ["Action"] = nameof(JourneyAction.Resume), ["On.day"] = "20", ["On.month"] = "11", ["On.year"] = "2026", ["Reason"] = "Back",
        }, $"{page}?handler=Change"));
        Assert.Equal(["Select what to record"], notOffered.ErrorSummary());

        var deferred = await staff.PostFormAsync(page, new Dictionary<string, string>
        {
            ["Action"] = nameof(JourneyAction.Defer), ["On.day"] = "20", ["On.month"] = "11", ["On.year"] = "2026", ["Reason"] = "Ofsted inspection this winter",
        }, $"{page}?handler=Change");
        Assert.Equal(HttpStatusCode.Redirect, deferred.StatusCode);
        var now = await JourneySeed.EnrolmentAsync(app, enrolment.Id);
        Assert.Equal(EnrolmentStatus.Deferred, now.Status);
        Assert.Contains(now.History, h => h.Status == EnrolmentStatus.Deferred && h.From == D(2026, 11, 20) && h.Reason == "Ofsted inspection this winter" && h.RecordedBy == UponApp.EmailFor(Roles.PartnerStaff));

        // The run leaves a deferred journey alone.
        await JourneySeed.RunAsync(app, D(2026, 11, 25));
        Assert.Equal(EnrolmentStatus.Deferred, (await JourneySeed.EnrolmentAsync(app, enrolment.Id)).Status);

        var resumed = await staff.PostFormAsync(page, new Dictionary<string, string>
        {
            ["Action"] = nameof(JourneyAction.Resume), ["On.day"] = "25", ["On.month"] = "11", ["On.year"] = "2026", ["Reason"] = "Inspection over",
        }, $"{page}?handler=Change");
        Assert.Equal(HttpStatusCode.Redirect, resumed.StatusCode);
        now = await JourneySeed.EnrolmentAsync(app, enrolment.Id);
        Assert.Equal(EnrolmentStatus.CoreProgramme, now.Status);
        var rows = (await staff.GetDocumentAsync(page)).QuerySelectorAll("#history tbody tr").Select(r => r.GetAttribute("data-status")).ToList();
        Assert.Equal(["CoreProgramme", "Deferred", "CoreProgramme"], rows);
    }
}

public sealed class JourneyStageTests_Sqlite(SqliteApp app) : JourneyStageTests(app), IClassFixture<SqliteApp>;

public sealed class JourneyStageTests_Postgres(PostgresApp app) : JourneyStageTests(app), IClassFixture<PostgresApp>;
