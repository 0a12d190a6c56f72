using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Aspirants;
using Upon.Coaching;
using Upon.Core.Register;
using Upon.Data;
using Upon.Register;
using Upon.Shared.Security;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.Aspirants;

/// <summary>
/// The Aspirant Directors pages through the real host: assignment never gives a reviewer a conflict, reviewers never see
/// who an applicant is (name, email, employer, authority, equality answers) or another reviewer's scores, recusal
/// reassigns, and selection releases decisions by email and moves the waiting list.
/// </summary>
public abstract class AspirantsPagesTests(UponApp app)
{
    private sealed record Seeded(int CohortId, IReadOnlyList<AspirantApplication> Applications, int PartnerReviewerId, int CoachReviewerId, int ThirdReviewerId);

    private static readonly string[] Given = ["Zephyrine", "Quillon", "Marisol", "Thaddeus", "Oriel", "Bexley"];

    private async Task<Seeded> SeedAsync()
    {
        var batch = Guid.NewGuid().ToString("N")[..6];
        return await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            var now = app.Clock.GetCurrentInstant();
            var cohort = new AspirantCohort { Name = $"T-{batch}", Places = 2, MinYearsSenior = 3, MaxTiersBelowDcs = 2, RequireEndorsement = false, CreatedAt = now };
            cohort.Criteria.AddRange([new AspirantCriterion { Name = "Leadership", Weight = 1, Order = 1 }, new AspirantCriterion { Name = "Vision", Weight = 2, Order = 2 }]);
            var question = new AspirantQuestion { Text = "Why now?", WordLimit = 300, Order = 1 };
            cohort.Questions.Add(question);
            db.AspirantCohorts.Add(cohort);
            await db.SaveChangesAsync();

            async Task<AspirantReviewer> ReviewerAsync(string email, string conflicts)
            {
                var reviewer = await db.AspirantReviewers.SingleOrDefaultAsync(r => r.Email == email);
                if (reviewer is null) db.AspirantReviewers.Add(reviewer = new AspirantReviewer { Email = email, GivenName = "Rev", FamilyName = email[..3], CreatedAt = now });
                reviewer.ConflictAuthorityCodes = conflicts;
                await db.SaveChangesAsync();
                db.CohortReviewers.Add(new CohortReviewer { CohortId = cohort.Id, ReviewerId = reviewer.Id, GrantedAt = now });
                return reviewer;
            }
            var partner = await ReviewerAsync(UponApp.EmailFor(Roles.PartnerStaff), "823");
            var coach = await ReviewerAsync(UponApp.EmailFor(Roles.Coach), "");
            var third = await ReviewerAsync($"third-{batch}@review.test", "");

            var applications = new List<AspirantApplication>();
            for (var i = 0; i < Given.Length; i++)
            {
                var application = new AspirantApplication
                {
                    CohortId = cohort.Id, ApplicationId = $"{batch}-{i + 1}", Email = $"{Given[i].ToLowerInvariant()}.{batch}@applicant.test",
                    GivenName = Given[i], FamilyName = $"Fam{Given[i]}", AuthorityCode = i % 2 == 0 ? "823" : "820", OtherEmployer = null, RoleTitle = "Assistant Director",
                    YearsSenior = i == 5 ? 1 : 4, TiersBelowDcs = 1, Status = ApplicationStatus.Submitted, CreatedAt = now, SubmittedAt = now,
                };
                application.Answers.Add(new AspirantAnswer { QuestionId = question.Id, Text = $"I grew up in Ravenbrook and lead services for children ({i})." });
                applications.Add(application);
            }
            db.AspirantApplications.AddRange(applications);
            await db.SaveChangesAsync();
            foreach (var application in applications)
            {
                db.AspirantEqualityMonitoring.Add(new AspirantEqualityMonitoring { ApplicationKey = application.Id, CohortId = cohort.Id, EthnicityCode = "asian-bangladeshi", Sex = MonitoringSex.Female, Religion = Religion.Sikh, UpdatedAt = now });
                db.AspirantRedactions.Add(new AspirantRedaction { AnswerId = application.Answers[0].Id, Phrase = "Ravenbrook", RedactedAt = now });
            }
            await db.SaveChangesAsync();
            return new Seeded(cohort.Id, applications, partner.Id, coach.Id, third.Id);
        });
    }

    [SkippableFact]
    public async Task Assign_SpreadsEvenly_NeverToAConflict_AndOnlyAdministratorsReachTheStaffPages()
    {
        app.RequireDatabase();
        var seeded = await SeedAsync();
        var admin = app.CreateClient(Roles.Administrator);
        var url = $"/aspirants/{seeded.CohortId}/reviewers";
        foreach (var role in new[] { Roles.PartnerStaff, Roles.Coach, Roles.Participant, Roles.Funder })
        {
            foreach (var page in new[] { "/aspirants", $"/aspirants/{seeded.CohortId}", $"/aspirants/{seeded.CohortId}/applications", url, $"/aspirants/{seeded.CohortId}/selection", $"/aspirants/{seeded.CohortId}/equality", $"/aspirants/applications/{seeded.Applications[0].Id}", "/aspirants/alumni" })
            {
                Assert.NotEqual(HttpStatusCode.OK, (await app.CreateClient(role).GetAsync(page)).StatusCode);
            }
        }
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(url, new Dictionary<string, string>(), $"{url}?handler=Assign")).StatusCode);
        Assert.Contains("10 reviews assigned", (await admin.GetDocumentAsync(url)).QuerySelector("#notice")!.TextContent, StringComparison.Ordinal);

        await app.WithDbAsync(async db =>
        {
            var reviews = await db.AspirantReviews.AsNoTracking().Include(r => r.Application).Where(r => r.Application!.CohortId == seeded.CohortId).ToListAsync();
            // Five eligible applications (the sixth has one year in a senior role), two reviewers each.
            Assert.Equal(10, reviews.Count);
            Assert.DoesNotContain(reviews, r => r.Application!.ApplicationId == seeded.Applications[5].ApplicationId);
            Assert.DoesNotContain(reviews, r => r.ReviewerId == seeded.PartnerReviewerId && r.Application!.AuthorityCode == "823");
            var loads = reviews.GroupBy(r => r.ReviewerId).Select(g => g.Count()).Order().ToList();
            Assert.True(loads.Max() - loads.Min() <= 1 || loads.Sum() == 10, string.Join(",", loads));
            Assert.All(reviews.GroupBy(r => r.ApplicationId), g => Assert.Equal(2, g.Select(r => r.ReviewerId).Distinct().Count()));
        });

        var applications = await admin.GetDocumentAsync($"/aspirants/{seeded.CohortId}/applications");
        Assert.Contains("Only 1 years in a senior role", applications.QuerySelector("#applications")!.TextContent, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Assign_NeverToAReviewerWhoseRegisterPersonOrCoachProfile_HasTheApplicantsAuthority()
    {
        app.RequireDatabase();
        var seeded = await SeedAsync();
        var batch = Guid.NewGuid().ToString("N")[..6];
        var profileEmail = $"profile-{batch}@review.test";
        var profileReviewerId = await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            var now = app.Clock.GetCurrentInstant();
            // The register has the third reviewer (same email, other case; not linked) as a former DCS of 820.
            var third = await db.AspirantReviewers.SingleAsync(r => r.Id == seeded.ThirdReviewerId);
            var person = new Person { PersonId = $"{batch}-R1", GivenName = "Rev", FamilyName = $"Third{batch}", Email = third.Email.ToUpperInvariant() };
            db.People.Add(person);
            await db.SaveChangesAsync();
            db.Appointments.Add(new Appointment { AuthorityCode = "820", PersonKey = person.Id, Type = AppointmentType.Permanent, StartDate = new LocalDate(2015, 1, 5), EndDate = new LocalDate(2019, 8, 31) });
            // A fourth reviewer is a coach whose coach profile (same email, other case) declares a conflict with 823.
            db.CoachProfiles.Add(new CoachProfile { Email = profileEmail.ToUpperInvariant(), GivenName = "Cora", FamilyName = $"Profile{batch}", Capacity = 2, OffersOnline = true, ConflictAuthorityCodes = "823", CreatedAt = now });
            var reviewer = new AspirantReviewer { Email = profileEmail, GivenName = "Cora", FamilyName = $"Profile{batch}", CreatedAt = now };
            db.AspirantReviewers.Add(reviewer);
            await db.SaveChangesAsync();
            db.CohortReviewers.Add(new CohortReviewer { CohortId = seeded.CohortId, ReviewerId = reviewer.Id, GrantedAt = now });
            await db.SaveChangesAsync();
            return reviewer.Id;
        });
        var admin = app.CreateClient(Roles.Administrator);
        var url = $"/aspirants/{seeded.CohortId}/reviewers";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(url, new Dictionary<string, string>(), $"{url}?handler=Assign")).StatusCode);
        Assert.Contains("10 reviews assigned", (await admin.GetDocumentAsync(url)).QuerySelector("#notice")!.TextContent, StringComparison.Ordinal);

        await app.WithDbAsync(async db =>
        {
            var reviews = await db.AspirantReviews.AsNoTracking().Include(r => r.Application).Where(r => r.Application!.CohortId == seeded.CohortId).ToListAsync();
            Assert.Equal(10, reviews.Count);
            Assert.DoesNotContain(reviews, r => r.ReviewerId == seeded.PartnerReviewerId && r.Application!.AuthorityCode == "823");
            Assert.DoesNotContain(reviews, r => r.ReviewerId == seeded.ThirdReviewerId && r.Application!.AuthorityCode == "820");
            Assert.DoesNotContain(reviews, r => r.ReviewerId == profileReviewerId && r.Application!.AuthorityCode == "823");
            // Each still reviews the others: 823's three applications can go only to the coach and the third reviewer.
            Assert.Equal(3, reviews.Count(r => r.ReviewerId == seeded.ThirdReviewerId));
            Assert.Contains(reviews, r => r.ReviewerId == profileReviewerId);
        });
    }

    [SkippableFact]
    public async Task AFurtherReview_ReassignedByStaffOrRecused_GoesToAnotherReviewer()
    {
        app.RequireDatabase();
        var seeded = await SeedAsync();
        var admin = app.CreateClient(Roles.Administrator);
        var application = seeded.Applications[1]; // 820: no reviewer declared it
        var page = $"/aspirants/applications/{application.Id}";
        // The third reviewer has reviewed it, so a further review goes to the partner reviewer or the coach.
        await app.WithDbAsync(async db =>
        {
            db.AspirantReviews.Add(new AspirantReview { ApplicationId = application.Id, ReviewerId = seeded.ThirdReviewerId, Status = ReviewStatus.Submitted, AssignedAt = app.Clock.GetCurrentInstant(), SubmittedAt = app.Clock.GetCurrentInstant() });
            await db.SaveChangesAsync();
        });
        async Task<List<AspirantReview>> FurtherAsync() => await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().AspirantReviews.AsNoTracking()
            .Where(r => r.ApplicationId == application.Id && r.ForModeration).OrderBy(r => r.Id).ToListAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(page, new Dictionary<string, string> { ["Reason"] = "The reviews disagree" }, $"{page}?handler=FurtherReview")).StatusCode);
        var first = Assert.Single(await FurtherAsync());
        Assert.Contains(first.ReviewerId, new[] { seeded.PartnerReviewerId, seeded.CoachReviewerId });

        // Staff reassign it: recorded as reassigned by staff (not as the reviewer recusing), and another further review is assigned.
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(page, new Dictionary<string, string>(), $"{page}?handler=Reassign&reviewId={first.Id}")).StatusCode);
        Assert.Contains("The review was reassigned", (await admin.GetDocumentAsync(page)).Body!.TextContent, StringComparison.Ordinal);
        var further = await FurtherAsync();
        Assert.Equal(2, further.Count);
        Assert.Equal(ReviewStatus.Recused, further[0].Status);
        Assert.Equal(Reviewing.ReassignedByStaff, further[0].RecusalReason);
        Assert.Equal(ReviewStatus.Assigned, further[1].Status);
        var second = further[1];
        Assert.Contains(second.ReviewerId, new[] { seeded.PartnerReviewerId, seeded.CoachReviewerId });
        Assert.NotEqual(first.ReviewerId, second.ReviewerId);
        // The first reviewer did not step back: their page does not list it.
        var firstClient = app.CreateClient(first.ReviewerId == seeded.PartnerReviewerId ? Roles.PartnerStaff : Roles.Coach);
        Assert.DoesNotContain(application.ApplicationId, (await firstClient.GetDocumentAsync("/aspirants/review")).QuerySelector("#recused")?.TextContent ?? "", StringComparison.Ordinal);

        // The second reviewer steps back: the further review goes to a fourth reviewer, the only one left.
        var fourth = await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            var reviewer = new AspirantReviewer { Email = $"fourth-{Guid.NewGuid():N}@review.test", GivenName = "Rev", FamilyName = "Fourth", CreatedAt = app.Clock.GetCurrentInstant() };
            db.AspirantReviewers.Add(reviewer);
            await db.SaveChangesAsync();
            db.CohortReviewers.Add(new CohortReviewer { CohortId = seeded.CohortId, ReviewerId = reviewer.Id, GrantedAt = app.Clock.GetCurrentInstant() });
            await db.SaveChangesAsync();
            return reviewer.Id;
        });
        var secondClient = app.CreateClient(second.ReviewerId == seeded.PartnerReviewerId ? Roles.PartnerStaff : Roles.Coach);
        var reviewPage = $"/aspirants/review/{second.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await secondClient.PostFormAsync(reviewPage, new Dictionary<string, string> { ["ConflictReason"] = "" }, $"{reviewPage}?handler=Recuse")).StatusCode);
        further = await FurtherAsync();
        Assert.Equal(3, further.Count);
        Assert.Equal((ReviewStatus.Recused, "Recused"), (further[1].Status, further[1].RecusalReason));
        Assert.Equal((ReviewStatus.Assigned, fourth), (further[2].Status, further[2].ReviewerId));
        Assert.Contains(application.ApplicationId, (await secondClient.GetDocumentAsync("/aspirants/review")).QuerySelector("#recused")!.TextContent, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Reviewer_NeverSeesWhoTheApplicantIs_NorOtherScores_AndRecusalReassigns()
    {
        app.RequireDatabase();
        var seeded = await SeedAsync();
        var admin = app.CreateClient(Roles.Administrator);
        var assign = $"/aspirants/{seeded.CohortId}/reviewers";
        await admin.PostFormAsync(assign, new Dictionary<string, string>(), $"{assign}?handler=Assign");

        // The coach reviewer submits reviews with a distinctive comment; the partner reviewer must never see it.
        var coach = app.CreateClient(Roles.Coach);
        var coachReviews = await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().AspirantReviews
            .Where(r => r.ReviewerId == seeded.CoachReviewerId && r.Application!.CohortId == seeded.CohortId).Select(r => r.Id).ToListAsync());
        var criteria = await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().AspirantCriteria.Where(c => c.CohortId == seeded.CohortId).OrderBy(c => c.Order).Select(c => c.Id).ToListAsync());
        foreach (var id in coachReviews)
        {
            var form = new Dictionary<string, string> { [$"Scores[{criteria[0]}]"] = "4", [$"Scores[{criteria[1]}]"] = "3", [$"Comments[{criteria[0]}]"] = "Xylophonic insight", [$"Comments[{criteria[1]}]"] = "" };
            Assert.Equal(HttpStatusCode.Redirect, (await coach.PostFormAsync($"/aspirants/review/{id}", form)).StatusCode);
        }
        var missing = await Html.ParseAsync(await coach.PostFormAsync($"/aspirants/review/{coachReviews[0]}", new Dictionary<string, string>()));
        Assert.Empty(missing.ErrorSummary()); // already submitted: nothing changes

        var reviewer = app.CreateClient(Roles.PartnerStaff);
        var index = await reviewer.GetDocumentAsync("/aspirants/review");
        // The partner reviewer reviews in other tests' cohorts too: only this cohort's reviews are looked at.
        var ownReviews = await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().AspirantReviews
            .Where(r => r.ReviewerId == seeded.PartnerReviewerId && r.Application!.CohortId == seeded.CohortId).Select(r => $"/aspirants/review/{r.Id}").ToListAsync());
        var links = index.QuerySelectorAll("#assigned a").Select(a => a.GetAttribute("href")!).Where(ownReviews.Contains).ToList();
        Assert.NotEmpty(links);

        // A comment too long is shown by its field (Html.ParseAsync checks that every error in the summary links to its field).
        var tooLong = await reviewer.PostFormAsync(links[0], new Dictionary<string, string> { [$"Scores[{criteria[1]}]"] = "3", [$"Comments[{criteria[1]}]"] = new string('x', AspirantScore.MaxCommentLength + 1) });
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        var errors = await Html.ParseAsync(tooLong);
        Assert.Equal(2, errors.ErrorSummary().Count);
        var comment = errors.GetElementById($"Comments[{criteria[1]}]")!;
        Assert.Contains("govuk-textarea--error", comment.ClassList);
        Assert.StartsWith("Error: The comment on", errors.GetElementById($"Comments[{criteria[1]}]-error")!.TextContent.Trim(), StringComparison.Ordinal);

        var forbidden = seeded.Applications.SelectMany(a => new[] { a.GivenName, a.FamilyName, a.Email }).Concat(["Ravenbrook", "Bangladeshi", "asian-bangladeshi", "Sikh", "Female", "Xylophonic", "Bedfordshire", "Assistant Director"]).ToList();
        foreach (var page in links.Prepend("/aspirants/review"))
        {
            var html = await (await reviewer.GetAsync(page)).Content.ReadAsStringAsync();
            foreach (var word in forbidden)
            {
                Assert.False(html.Contains(word, StringComparison.OrdinalIgnoreCase), $"{page} shows '{word}'");
            }
        }
        var first = await reviewer.GetDocumentAsync(links[0]);
        Assert.Contains("[redacted]", first.Body!.TextContent, StringComparison.Ordinal);

        // Another reviewer's review is not reachable.
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync($"/aspirants/review/{coachReviews[0]}")).StatusCode);

        // Stepping back with a conflict reassigns the application; only administrators see the reason.
        var reviewId = int.Parse(links[0].Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var recused = await reviewer.PostFormAsync(links[0], new Dictionary<string, string> { ["ConflictReason"] = "We worked together at Zanzibar council" }, $"{links[0]}?handler=Recuse");
        Assert.Equal(HttpStatusCode.Redirect, recused.StatusCode);
        var applicationKey = await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            var review = await db.AspirantReviews.AsNoTracking().SingleAsync(r => r.Id == reviewId);
            Assert.Equal(ReviewStatus.Recused, review.Status);
            Assert.Equal(2, await db.AspirantReviews.CountAsync(r => r.ApplicationId == review.ApplicationId && r.Status != ReviewStatus.Recused));
            Assert.True(await db.AspirantConflicts.AnyAsync(c => c.ApplicationId == review.ApplicationId && c.ReviewerId == seeded.PartnerReviewerId));
            return review.ApplicationId;
        });
        var staffView = await admin.GetDocumentAsync($"/aspirants/applications/{applicationKey}");
        Assert.Contains("Zanzibar", staffView.QuerySelector("#conflicts")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Zanzibar", (await reviewer.GetAsync("/aspirants/review")).Content.ReadAsStringAsync().Result, StringComparison.Ordinal);
        // The reviewer's own page lists what they stepped back from, and that they declared a conflict, never the reason
        // nor who the applicant is; it is reachable from their home.
        var own = await reviewer.GetDocumentAsync("/aspirants/review");
        var steppedBack = own.QuerySelector("#recused")!.TextContent;
        Assert.Contains("Yes", steppedBack, StringComparison.Ordinal);
        var ownHtml = own.DocumentElement.OuterHtml;
        foreach (var word in forbidden.Append("Zanzibar"))
        {
            Assert.False(ownHtml.Contains(word, StringComparison.OrdinalIgnoreCase), $"/aspirants/review shows '{word}' after stepping back");
        }
        Assert.NotNull((await reviewer.GetDocumentAsync("/")).QuerySelector("a[href='/aspirants/review']"));
        Assert.NotNull((await coach.GetDocumentAsync("/")).QuerySelector("a[href='/aspirants/review']"));
        // The administrator's application page never shows equality answers either.
        Assert.DoesNotContain("Bangladeshi", staffView.Body!.TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [SkippableFact]
    public async Task ModeratorScore_KeepsToTheRangeOfATotal_AndOnlyForAReviewedApplication()
    {
        app.RequireDatabase();
        var seeded = await SeedAsync();
        var admin = app.CreateClient(Roles.Administrator);
        var (reviewed, unreviewed) = (seeded.Applications[0], seeded.Applications[2]);
        await app.WithDbAsync(async db =>
        {
            var criteria = await db.AspirantCriteria.Where(c => c.CohortId == seeded.CohortId).ToListAsync();
            var review = new AspirantReview { ApplicationId = reviewed.Id, ReviewerId = seeded.ThirdReviewerId, Status = ReviewStatus.Submitted, AssignedAt = app.Clock.GetCurrentInstant(), SubmittedAt = app.Clock.GetCurrentInstant() };
            review.Scores.AddRange(criteria.Select(c => new AspirantScore { CriterionId = c.Id, Score = 3 }));
            db.AspirantReviews.Add(review);
            // A moderator's score on an unreviewed application (as written before the page refused one).
            db.AspirantModerations.Add(new AspirantModeration { ApplicationId = unreviewed.Id, Kind = ModerationKind.ModeratorScore, Score = 12, Reason = "Old", At = app.Clock.GetCurrentInstant() });
            await db.SaveChangesAsync();
        });
        async Task<IReadOnlyList<string>> ModerateAsync(AspirantApplication application, string score)
        {
            var page = $"/aspirants/applications/{application.Id}";
            var response = await admin.PostFormAsync(page, new Dictionary<string, string> { ["ModeratorScore"] = score, ["Reason"] = "Reviews disagree" }, $"{page}?handler=Moderate");
            return response.StatusCode == HttpStatusCode.Redirect ? [] : (await Html.ParseAsync(response)).ErrorSummary();
        }
        // Scale 1 to 5, weights 1 and 2: a total is from 3 to 15.
        foreach (var outside in new[] { "2.5", "15.5", "100" })
        {
            Assert.Equal(["Enter the moderator's score as a number from 3 to 15, the range of a review's total"], await ModerateAsync(reviewed, outside));
        }
        Assert.Equal(["A moderator's score can be given only to an application with a submitted review: ask for a further review instead"], await ModerateAsync(unreviewed, "10"));
        Assert.Empty(await ModerateAsync(reviewed, "14.5"));
        await app.WithDbAsync(async db => Assert.Equal([14.5m], await db.AspirantModerations.Where(m => m.ApplicationId == reviewed.Id).Select(m => m.Score!.Value).ToListAsync()));

        var sheet = await app.WithScopeAsync(s => s.GetRequiredService<CohortScoring>().ScoreAsync(seeded.CohortId));
        Assert.Equal(((double?)9, (double?)14.5, (int?)1), (sheet.For(reviewed.Id)!.RawScore, sheet.For(reviewed.Id)!.Score, sheet.For(reviewed.Id)!.Rank));
        var ignored = sheet.For(unreviewed.Id)!;
        Assert.Null(ignored.RawScore);
        Assert.Null(ignored.Score);
        Assert.Null(ignored.Rank);
    }

    [SkippableFact]
    public async Task Selection_FillReleaseDecline_OffersTheWaitingList_AndEqualityIsSuppressed()
    {
        app.RequireDatabase();
        var seeded = await SeedAsync();
        var admin = app.CreateClient(Roles.Administrator);
        // Reviews straight into the database: application i gets totals falling with i, the 4th and 5th tied.
        await app.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<UponDbContext>();
            var criteria = await db.AspirantCriteria.Where(c => c.CohortId == seeded.CohortId).OrderBy(c => c.Order).ToListAsync();
            int[] scores = [5, 4, 3, 2, 2];
            for (var i = 0; i < 5; i++)
            {
                var review = new AspirantReview { ApplicationId = seeded.Applications[i].Id, ReviewerId = seeded.ThirdReviewerId, Status = ReviewStatus.Submitted, AssignedAt = app.Clock.GetCurrentInstant(), SubmittedAt = app.Clock.GetCurrentInstant() };
                review.Scores.AddRange(criteria.Select(c => new AspirantScore { CriterionId = c.Id, Score = scores[i] }));
                db.AspirantReviews.Add(review);
            }
            await db.SaveChangesAsync();
            return 0;
        });
        var url = $"/aspirants/{seeded.CohortId}/selection";
        var page = await admin.GetDocumentAsync(url);
        var ranks = page.QuerySelectorAll("#ranking tbody tr").Select(r => r.QuerySelector("td")!.TextContent.Trim()).ToList();
        Assert.Equal(["1", "2", "3", "=4", "=4"], ranks);
        Assert.NotNull(page.QuerySelector("#calibration"));

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(url, new Dictionary<string, string> { ["Waiting"] = "2" }, $"{url}?handler=Fill")).StatusCode);
        var notTied = await Html.ParseAsync(await admin.PostFormAsync(url, new Dictionary<string, string> { ["ApplicationKey"] = seeded.Applications[0].Id.ToString(), ["Reason"] = "s.158" }, $"{url}?handler=TieBreak"));
        Assert.Equal(["A tie-break applies only between applications with equal scores"], notTied.ErrorSummary());
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(url, new Dictionary<string, string>(), $"{url}?handler=Release")).StatusCode);

        var (firstKey, waitingFirst) = (seeded.Applications[0].Id, seeded.Applications[2]);
        await app.WithDbAsync(async db =>
        {
            var all = await db.AspirantApplications.AsNoTracking().Where(a => a.CohortId == seeded.CohortId).ToDictionaryAsync(a => a.Id);
            Assert.Equal(OfferStatus.Offered, all[firstKey].Offer);
            Assert.Equal(SelectionOutcome.Waiting, all[waitingFirst.Id].Outcome);
            Assert.Equal(1, all[waitingFirst.Id].WaitingPosition);
            var emails = all.Values.Select(a => a.Email).ToList();
            Assert.Equal(6, await db.OutboxMessages.CountAsync(m => emails.Contains(m.To)));
        });

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(url, new Dictionary<string, string> { ["answer"] = "decline" }, $"{url}?handler=Respond&applicationKey={firstKey}")).StatusCode);
        await app.WithDbAsync(async db =>
        {
            var next = await db.AspirantApplications.AsNoTracking().SingleAsync(a => a.Id == waitingFirst.Id);
            Assert.Equal(SelectionOutcome.Selected, next.Outcome);
            Assert.Equal(OfferStatus.Offered, next.Offer);
            Assert.Equal(OfferStatus.Declined, (await db.AspirantApplications.AsNoTracking().SingleAsync(a => a.Id == firstKey)).Offer);
            Assert.Equal(1, await db.AspirantApplications.CountAsync(a => a.CohortId == seeded.CohortId && a.Outcome == SelectionOutcome.Waiting && a.WaitingPosition == 1));
        });

        // Expiry: the clock passes the deadline and the next on the waiting list gets the place.
        app.Clock.Advance(Duration.FromDays(20));
        try
        {
            Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(url, new Dictionary<string, string>(), $"{url}?handler=Expire")).StatusCode);
            await app.WithDbAsync(async db => Assert.Equal(2, await db.AspirantApplications.CountAsync(a => a.CohortId == seeded.CohortId && a.Offer == OfferStatus.Expired)));
        }
        finally
        {
            app.Clock.Reset(UponApp.DefaultNow);
        }

        // Six applicants, all global majority and female in the seed: the small counts are suppressed.
        var equality = await admin.GetDocumentAsync($"/aspirants/{seeded.CohortId}/equality");
        var selected = equality.QuerySelectorAll("#ethnicity tbody tr").Single(r => r.QuerySelector("td")!.TextContent == "Selected");
        Assert.Contains("c", selected.TextContent, StringComparison.Ordinal);
        await app.WithDbAsync(async db => Assert.True(await db.AuditEvents.AnyAsync(e => e.EntityType == nameof(AspirantEqualityMonitoring) && e.EntityId == seeded.CohortId.ToString())));
    }

    [SkippableFact]
    public async Task Selection_RanksTheEligibleOnly_AnIneligibleApplicationMakesNoTie()
    {
        app.RequireDatabase();
        var seeded = await SeedAsync();
        var admin = app.CreateClient(Roles.Administrator);
        var (a, b, c) = (seeded.Applications[0], seeded.Applications[5], seeded.Applications[1]); // the sixth is ineligible
        await app.WithDbAsync(async db =>
        {
            var criteria = await db.AspirantCriteria.Where(x => x.CohortId == seeded.CohortId).ToListAsync();
            foreach (var (application, score) in new[] { (a, 4), (b, 4), (c, 3) })
            {
                var review = new AspirantReview { ApplicationId = application.Id, ReviewerId = seeded.ThirdReviewerId, Status = ReviewStatus.Submitted, AssignedAt = app.Clock.GetCurrentInstant(), SubmittedAt = app.Clock.GetCurrentInstant() };
                review.Scores.AddRange(criteria.Select(x => new AspirantScore { CriterionId = x.Id, Score = score }));
                db.AspirantReviews.Add(review);
            }
            await db.SaveChangesAsync();
        });
        var url = $"/aspirants/{seeded.CohortId}/selection";
        var page = await admin.GetDocumentAsync(url);
        var rows = page.QuerySelectorAll("#ranking tbody tr").Select(r => (Rank: r.QuerySelector("td")!.TextContent.Trim(), Id: r.QuerySelectorAll("td")[1].QuerySelector("a")!.TextContent.Trim())).ToList();
        Assert.Equal([("1", a.ApplicationId), ("2", c.ApplicationId)], rows);
        Assert.Contains("upon report aspirants", page.QuerySelector("#rank-note")!.TextContent, StringComparison.Ordinal);
        var refused = await Html.ParseAsync(await admin.PostFormAsync(url, new Dictionary<string, string> { ["ApplicationKey"] = a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Reason"] = "s.158" }, $"{url}?handler=TieBreak"));
        Assert.Equal(["A tie-break applies only between applications with equal scores"], refused.ErrorSummary());
        await app.WithDbAsync(async db => Assert.Null((await db.AspirantApplications.AsNoTracking().SingleAsync(x => x.Id == a.Id)).TieBreakReason));
        // The score sheet (and the report) still rank every scored application: there A and B are tied first.
        var sheet = await app.WithScopeAsync(s => s.GetRequiredService<CohortScoring>().ScoreAsync(seeded.CohortId));
        Assert.Equal((1, true), (sheet.For(a.Id)!.Rank, sheet.For(a.Id)!.Tied));
        Assert.Equal((3, false), (sheet.For(c.Id)!.Rank, sheet.For(c.Id)!.Tied));
    }

    [SkippableFact]
    public async Task SelectInRankOrder_LeavesAWithdrawnApplicationOutAndWithdrawn()
    {
        app.RequireDatabase();
        var seeded = await SeedAsync();
        var admin = app.CreateClient(Roles.Administrator);
        var apps = seeded.Applications;
        await app.WithDbAsync(async db =>
        {
            var criteria = await db.AspirantCriteria.Where(c => c.CohortId == seeded.CohortId).ToListAsync();
            int[] scores = [5, 4, 3, 2];
            for (var i = 0; i < scores.Length; i++)
            {
                var review = new AspirantReview { ApplicationId = apps[i].Id, ReviewerId = seeded.ThirdReviewerId, Status = ReviewStatus.Submitted, AssignedAt = app.Clock.GetCurrentInstant(), SubmittedAt = app.Clock.GetCurrentInstant() };
                review.Scores.AddRange(criteria.Select(c => new AspirantScore { CriterionId = c.Id, Score = scores[i] }));
                db.AspirantReviews.Add(review);
            }
            // The best scored has withdrawn (as an imported 'withdrawn' records).
            (await db.AspirantApplications.SingleAsync(a => a.Id == apps[0].Id)).Outcome = SelectionOutcome.Withdrawn;
            await db.SaveChangesAsync();
        });
        var url = $"/aspirants/{seeded.CohortId}/selection";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(url, new Dictionary<string, string> { ["Waiting"] = "1" }, $"{url}?handler=Fill")).StatusCode);
        await app.WithDbAsync(async db =>
        {
            var all = await db.AspirantApplications.AsNoTracking().Where(a => a.CohortId == seeded.CohortId).ToDictionaryAsync(a => a.Id);
            Assert.Equal((SelectionOutcome.Withdrawn, (int?)null), (all[apps[0].Id].Outcome!.Value, all[apps[0].Id].WaitingPosition));
            Assert.Equal(SelectionOutcome.Selected, all[apps[1].Id].Outcome);
            Assert.Equal(SelectionOutcome.Selected, all[apps[2].Id].Outcome);
            Assert.Equal((SelectionOutcome.Waiting, (int?)1), (all[apps[3].Id].Outcome!.Value, all[apps[3].Id].WaitingPosition));
            Assert.Equal(SelectionOutcome.NotSelected, all[apps[4].Id].Outcome); // eligible, not scored
        });
        var rows = (await admin.GetDocumentAsync(url)).QuerySelectorAll("#ranking tbody tr")
            .Select(r => (Rank: r.QuerySelector("td")!.TextContent.Trim(), Id: r.QuerySelectorAll("td")[1].QuerySelector("a")!.TextContent.Trim())).ToList();
        Assert.Equal([("1", apps[1].ApplicationId), ("2", apps[2].ApplicationId), ("3", apps[3].ApplicationId), ("–", apps[0].ApplicationId)], rows);
    }

    [SkippableFact]
    public async Task Settings_TakeTheWindowAsGovUkDatesAndTimes_AndTaughtDaysInWords_AndSaveNothingOnAnError()
    {
        app.RequireDatabase();
        var seeded = await SeedAsync();
        var admin = app.CreateClient(Roles.Administrator);
        var url = $"/aspirants/{seeded.CohortId}";
        var today = app.Clock.GetCurrentInstant().InZone(Upon.Core.Time.London).Date;
        var (opens, closes) = (today.PlusDays(30), today.PlusDays(60));
        var days = new[] { today.PlusDays(200), today.PlusDays(230), today.PlusDays(260) };
        var form = (await admin.GetDocumentAsync(url)).QuerySelectorAll("form input[name], form textarea[name]")
            .Where(e => e.GetAttribute("type") is not ("checkbox" or "hidden"))
            .ToDictionary(e => e.GetAttribute("name")!, e => e.GetAttribute("value") ?? e.TextContent);
        static void Date(Dictionary<string, string> form, string name, LocalDate date)
        {
            form[$"{name}.day"] = date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture);
            form[$"{name}.month"] = date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture);
            form[$"{name}.year"] = date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        Date(form, "OpensOn", opens);
        form["OpensTime"] = "9:30";
        Date(form, "ClosesOn", closes);
        form["ClosesTime"] = "";
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        // Each taught day written a different way: abbreviated month, by numbers, ISO.
        form["TaughtDays"] = $"{days[0].ToString("d MMM yyyy", inv)}\n{days[1].ToString("d/M/yyyy", inv)}\n{days[2].ToString("yyyy-MM-dd", inv)}";

        // Errors first: each reported by its field, and nothing saved.
        var bad = new Dictionary<string, string>(form) { ["OpensTime"] = "25:00", ["ClosesOn.month"] = "", ["TaughtDays"] = "Octember 5" };
        var refused = await Html.ParseAsync(await admin.PostFormAsync(url, bad));
        Assert.Equal(
            ["Enter the time applications open as a time of day, like 09:00", "Date applications close must include a month", "Write each taught day on its own line as a date, like 5 October 2027 ('Octember 5' is not one)"],
            refused.ErrorSummary());
        Assert.Equal(["#OpensTime", "#ClosesOn-month", "#TaughtDays"], refused.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")).ToList());
        Assert.Equal("25:00", refused.FieldValue("#OpensTime"));
        var backwards = new Dictionary<string, string>(form);
        Date(backwards, "ClosesOn", opens.PlusDays(-1));
        var before = await Html.ParseAsync(await admin.PostFormAsync(url, backwards));
        Assert.Equal(["Applications must close after they open"], before.ErrorSummary());
        Assert.Equal("#ClosesOn-day", before.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        var unsaved = await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().AspirantCohorts.AsNoTracking().Include(c => c.TaughtDays).SingleAsync(c => c.Id == seeded.CohortId));
        Assert.Null(unsaved.OpensAt);
        Assert.Empty(unsaved.TaughtDays);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(url, form)).StatusCode);
        var saved = await app.WithScopeAsync(s => s.GetRequiredService<UponDbContext>().AspirantCohorts.AsNoTracking().Include(c => c.TaughtDays).SingleAsync(c => c.Id == seeded.CohortId));
        Assert.Equal(opens.At(new LocalTime(9, 30)).InZoneStrictly(Upon.Core.Time.London).ToInstant(), saved.OpensAt);
        Assert.Equal(closes.At(new LocalTime(23, 59)).InZoneStrictly(Upon.Core.Time.London).ToInstant(), saved.ClosesAt);
        Assert.Equal(days, saved.TaughtDays.Select(d => d.Date).Order().ToArray());

        // Read back as they were entered, in words where the page writes them.
        var again = await admin.GetDocumentAsync(url);
        Assert.Equal(opens.Day.ToString(inv), again.FieldValue("#OpensOn-day"));
        Assert.Equal("09:30", again.FieldValue("#OpensTime"));
        Assert.Equal("23:59", again.FieldValue("#ClosesTime"));
        Assert.Equal(string.Join("\n", days.Select(d => d.ToString("d MMMM yyyy", inv))), again.QuerySelector("#TaughtDays")!.TextContent.Trim());
        var row = (await admin.GetDocumentAsync("/aspirants")).QuerySelectorAll("#cohorts tbody tr").Single(r => r.QuerySelector($"a[href='{url}']") is not null).TextContent;
        Assert.Contains($"{opens.ToString("d MMMM yyyy", inv)} at 09:30", row, StringComparison.Ordinal);
        Assert.Contains($"{closes.ToString("d MMMM yyyy", inv)} at 23:59", row, StringComparison.Ordinal);
    }
}

public sealed class AspirantsPagesTests_Sqlite(SqliteApp app) : AspirantsPagesTests(app), IClassFixture<SqliteApp>;

public sealed class AspirantsPagesTests_Postgres(PostgresApp app) : AspirantsPagesTests(app), IClassFixture<PostgresApp>;
