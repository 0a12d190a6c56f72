using Upon.Impact;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using Upon.Accounts;
using Upon.Audit;
using Upon.Data;
using Upon.DataProtection;
using Upon.Demo;
using Upon.Disclosure;
using Upon.Email;
using Upon.Feedback;
using Upon.NewDirectors;
using Upon.Participants;
using Upon.Register;
using Upon.Sessions;
using Upon.Shared.Events;
using Upon.Shared.Privacy;

namespace Upon;

/// <summary>The services shared by the web app and the command line.</summary>
public static class UponServices
{
    /// <param name="services">The services to add to.</param>
    /// <param name="configuration">The app's configuration.</param>
    /// <param name="environment">The host's environment, if any.</param>
    /// <param name="modelInOptions">False for the command line: see <see cref="DatabaseSetup.AddUponDatabase"/>.</param>
    public static IServiceCollection AddUpon(this IServiceCollection services, IConfiguration configuration, IHostEnvironment? environment = null, bool modelInOptions = true)
    {
        services.AddSingleton<IClock>(SystemClock.Instance);
        services.AddHttpContextAccessor();
        services.AddUponDatabase(configuration, modelInOptions);
        services.AddUponAccounts(environment?.IsDevelopment() == true);
        // The command line's actor; the web app replaces it with the signed-in user.
        services.TryAddSingleton<IAuditActor, CommandLineAuditActor>();
        services.AddScoped<AuditLog>();
        services.AddSingleton<AuditGroupWriter>();
        services.AddSingleton<Upon.Shared.Figures.FigureCache>();
        services.AddScoped<Upon.Shared.Figures.FigureReader>();
        services.AddSingleton<Upon.Shared.Leases.LeaseHolder>();
        services.AddScoped<Upon.Shared.Leases.Leases>();
        services.AddSingleton<Upon.Shared.Leases.LeasedRuns>();
        Upon.Coaching.CoachingSetup.AddCoaching(services, configuration);
        Upon.Aspirants.AspirantsSetup.AddAspirants(services);
        services.AddScoped<AuthorityImporter>();
        services.AddScoped<AppointmentImporter>();
        services.AddScoped<PendingUploads>();
        services.AddScoped<AppointmentService>();
        services.AddScoped<RegisterQueries>();
        services.AddScoped<DemoData>();
        services.AddScoped<TurnoverReport>();
        services.AddScoped<TurnoverFigureCache>();
        services.AddUponDisclosure(configuration);
        services.AddUponEmail(configuration);
        services.AddScoped<ProblemReports>();
        services.AddScoped<CurrentParticipant>();
        services.AddScoped<EqualityRecords>();
        services.AddScoped<BookingEmails>();
        services.AddScoped<BookingService>();
        services.AddScoped<ParticipantSessions>();
        services.AddScoped<CalendarFeeds>();
        services.AddScoped<DemoProgramme>();
        services.AddScoped<CoachingDemo>();
        services.AddScoped<AspirantsDemo>();
        services.AddScoped<FeedbackDemo>();
        services.AddScoped<RetentionDemo>();
        services.AddScoped<EqualityDemo>();
        services.AddScoped<DomainEvents>();
        services.AddScoped<InvitationPlanner>();
        services.AddScoped<IDomainEventHandler<AppointmentsRecorded>>(s => s.GetRequiredService<InvitationPlanner>());
        services.AddScoped<IDomainEventHandler<AppointmentChanged>, PendingInvitationFollower>();
        services.AddScoped<InvitationLinks>();
        services.AddScoped<InvitationAcceptance>();
        services.AddScoped<InvitationReport>();
        services.AddScoped<InvitationFigureCache>();
        services.AddSingleton<InvitationRunner>();
        services.AddOptions<NewDirectorsOptions>().Bind(configuration.GetSection("NewDirectors"))
            .Validate(o => o.InvitingSinceDate is not null, "NewDirectors:InvitingSince must be the first day of a financial year, 1 April, such as 2020-04-01.")
            .ValidateOnStart();
        services.AddScoped<SessionRegisters>();
        services.AddScoped<AttendanceService>();
        services.AddScoped<AttendanceQueries>();
        services.AddScoped<ProgrammeAttendance>();
        services.AddScoped<AttendanceFigureCache>();
        services.AddScoped<Upon.Impact.ImpactFigureCache>();
        services.AddScoped<Upon.Coaching.CoachingFigureCache>();
        services.AddScoped<Upon.SessionFeedback.FeedbackFigureCache>();
        services.AddScoped<ParticipantDirectory>();
        services.AddScoped<BankHolidayImporter>();
        services.AddScoped<StrandService>();
        services.AddScoped<SessionQueries>();
        services.AddScoped<SessionWarnings>();
        services.AddScoped<SessionService>();
        services.AddScoped<SessionChanges>();
        services.AddNewDirectorsJourney(configuration);
        // What each feature holds about a person (Shared/Privacy), for subject access, erasure and retention.
        services.AddScoped<IPersonalDataProvider, AccountsPersonalData>();
        services.AddScoped<IPersonalDataProvider, RegisterPersonalData>();
        services.AddScoped<IPersonalDataProvider, SessionsPersonalData>();
        services.AddScoped<IPersonalDataProvider, ParticipantsPersonalData>();
        services.AddScoped<IPersonalDataProvider, NewDirectorsPersonalData>();
        services.AddScoped<IPersonalDataProvider, Upon.Coaching.CoachingPersonalData>();
        services.AddScoped<IPersonalDataProvider, FeedbackPersonalData>();
        services.AddScoped<IPersonalDataProvider, EmailPersonalData>();
        services.AddScoped<IPersonalDataProvider, SubjectRequestsPersonalData>();
        services.AddScoped<IPersonalDataProvider, Upon.Aspirants.AspirantsPersonalData>();
        services.AddScoped<IPersonalDataProvider, Upon.SessionFeedback.SessionFeedbackPersonalData>();
        services.AddScoped<IPersonalDataProvider, Upon.Impact.ImpactPersonalData>();
        // Programme activity other features record, which keeps a person from the retention rules (Shared/Privacy).
        services.AddScoped<IProgrammeActivity, Upon.Coaching.CoachingActivity>();
        services.AddScoped<IProgrammeActivity, Upon.Participants.EqualityActivity>();
        services.AddScoped<IProgrammeActivity, Upon.Aspirants.ReviewingActivity>();
        services.AddScoped<ILiveParticipants, Upon.Sessions.LiveParticipantsReader>();
        services.AddUponDataProtection(configuration);
        services.AddUponImpact();
        Upon.SessionFeedback.SessionFeedbackSetup.AddSessionFeedback(services, configuration);
        services.AddScoped<Upon.Impact.RetentionEvaluation>();
        services.AddScoped<Upon.Impact.RetentionEnrolmentImporter>();
        Upon.Aspirants.Apply.ApplyServices.AddAspirantApplications(services, configuration);
        return services;
    }

    /// <summary>
    /// Applies migrations, loads the reference data (authorities; bank holidays when the table is empty) and makes sure the
    /// programme's standing strands exist; on an empty register, creates the demo data if asked. A command that only reads
    /// (<paramref name="readOnly"/>: the reports) skips the programme's set-up (roles, strands, the feedback form) when the
    /// database was already up to date: it has been done by whatever brought it up to date. When the database was up to date
    /// and <see cref="SetUpCheck"/> finds every step's data in place (one query), no step runs.
    /// </summary>
    public static Task InitialiseAsync(this IServiceProvider services, bool createDemoDataWhenEmpty, CancellationToken cancellationToken = default) =>
        services.InitialiseAsync(createDemoDataWhenEmpty, readOnly: false, loadModel: true, cancellationToken);

    /// <inheritdoc cref="InitialiseAsync(IServiceProvider, bool, CancellationToken)"/>
    /// <param name="services">The app's services.</param>
    /// <param name="createDemoDataWhenEmpty">Whether to create the demo data on an empty register.</param>
    /// <param name="readOnly">Whether the caller only reads (see above).</param>
    /// <param name="loadModel">
    /// Whether to build EF Core's model now (the web app: before its first request needs it). A command leaves it to
    /// whatever first needs it: on SQLite the checks of an up-to-date, set-up database need no context, and an import
    /// none unless a row calls for an invitation.
    /// </param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task InitialiseAsync(this IServiceProvider services, bool createDemoDataWhenEmpty, bool readOnly, bool loadModel, CancellationToken cancellationToken = default)
    {
        // Each step is timed (logged at Debug under Upon.Startup; bench/README.md gives the breakdown). When the database
        // is up to date and set up, the steps are one query in all.
        var steps = new StartupSteps(services.GetRequiredService<ILoggerFactory>().CreateLogger("Upon.Startup"));
        if (loadModel)
        {
            await steps.TimeAsync("EF model", () => DatabaseSetup.LoadModelAsync(services));
        }
        // A new SQLite database is set up in the transaction that creates it (NewDatabaseFill), without EF Core.
        var schema = await steps.TimeAsync("migrations", () => DatabaseSetup.MigrateAsync(services, NewDatabaseFill.FillAsync, cancellationToken));
        var migrated = schema != SchemaChange.None;
        await using var scope = services.CreateAsyncScope();
        // A database that was up to date before this start has usually been set up by an earlier one: one query says so.
        var complete = schema is SchemaChange.None or SchemaChange.CreatedAndFilled
            && await steps.TimeAsync("set-up check", () => IsSetUpAsync(scope.ServiceProvider, cancellationToken));
        if (complete)
        {
            await CreateDemoDataAsync();
            steps.LogTotal();
            return;
        }
        var setUp = !readOnly || migrated;
        if (setUp)
        {
            await steps.TimeAsync("roles", () => AccountService.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<UponDbContext>(), scope.ServiceProvider.GetRequiredService<ILookupNormalizer>(), cancellationToken));
        }
        await steps.TimeAsync("authorities", () => scope.ServiceProvider.GetRequiredService<AuthorityImporter>().EnsureLoadedAsync(cancellationToken));
        if (setUp)
        {
            await steps.TimeAsync("strands", () => StrandSetup.EnsureStrandsAsync(scope.ServiceProvider.GetRequiredService<UponDbContext>(), cancellationToken));
            await steps.TimeAsync("feedback form", () => Upon.SessionFeedback.FeedbackForms.EnsureStandardFormAsync(scope.ServiceProvider.GetRequiredService<UponDbContext>(), cancellationToken));
        }
        await steps.TimeAsync("bank holidays", () => scope.ServiceProvider.GetRequiredService<BankHolidayImporter>().EnsureLoadedAsync(cancellationToken));
        await steps.TimeAsync("workforce reference data", () => scope.ServiceProvider.GetRequiredService<WorkforceImporter>().EnsureLoadedAsync(cancellationToken));
        await CreateDemoDataAsync();
        steps.LogTotal();

        async Task CreateDemoDataAsync()
        {
            if (createDemoDataWhenEmpty)
            {
                await steps.TimeAsync("demo data", () => scope.ServiceProvider.GetRequiredService<DemoData>().CreateIfEmptyAsync(cancellationToken));
            }
        }
    }

    /// <summary><see cref="SetUpCheck"/>, on a SQLite connection of its own when it can (no context, so no EF Core model).</summary>
    private static async Task<bool> IsSetUpAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var connection = await services.GetRequiredService<DatabaseConnections>().OpenSqliteAsync(cancellationToken);
        return connection is not null
            ? await SetUpCheck.IsCompleteAsync(connection, cancellationToken)
            : await SetUpCheck.IsCompleteAsync(services.GetRequiredService<UponDbContext>(), cancellationToken);
    }

    private sealed class StartupSteps(ILogger logger)
    {
        private readonly System.Diagnostics.Stopwatch _total = System.Diagnostics.Stopwatch.StartNew();

        public async Task TimeAsync(string step, Func<Task> work) =>
            await TimeAsync(step, async () => { await work(); return true; });

        public async Task<T> TimeAsync<T>(string step, Func<Task<T>> work)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var result = await work();
            logger.LogDebug("Start-up: {Step} took {Milliseconds} ms", step, watch.ElapsedMilliseconds);
            return result;
        }

        public void LogTotal() => logger.LogDebug("Start-up: the database was ready after {Milliseconds} ms", _total.ElapsedMilliseconds);
    }
}
