using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Upon.Accounts;
using Upon.Aspirants;
using Upon.Audit;
using Upon.Coaching;
using Upon.Data.Mappings;
using Upon.Email;
using Upon.Feedback;
using Upon.NewDirectors;
using Upon.Participants;
using Upon.Register;
using Upon.Sessions;

namespace Upon.Data;

/// <summary>
/// The platform's database. Each provider has its own subclass so that each keeps its own migrations
/// (<see cref="SqliteUponDbContext"/>, <see cref="PostgresUponDbContext"/>); code depends on this base type.
/// Every change saved through it is written to the audit log in the same transaction.
/// </summary>
public class UponDbContext(DbContextOptions options)
    : IdentityDbContext<UponUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    private IAuditActor? _actor;
    private IClock? _clock;

    /// <summary>
    /// Readies a context for one unit of work: who its changes are audited as and its clock. A context is pooled (EF Core
    /// keeps its internal services between requests, <see cref="DatabaseSetup.AddUponDatabase"/>), so it is constructed
    /// from its options alone and given these as it is handed out; the per-use marks (<see cref="Erasing"/>, the figure
    /// data change) start clear each time.
    /// </summary>
    public UponDbContext Use(IAuditActor actor, IClock clock)
    {
        _actor = actor ?? throw new ArgumentNullException(nameof(actor));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        Erasing = false;
        _figureDataChanged = false;
        return this;
    }

    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Authority> Authorities => Set<Authority>();
    public DbSet<AuthorityGssCode> AuthorityGssCodes => Set<AuthorityGssCode>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Appointment> Appointments => Set<Appointment>();
    public DbSet<PendingUpload> PendingUploads => Set<PendingUpload>();
    public DbSet<AccountInvitation> AccountInvitations => Set<AccountInvitation>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<OutboxAttachment> OutboxAttachments => Set<OutboxAttachment>();
    public DbSet<ProblemReport> ProblemReports => Set<ProblemReport>();
    public DbSet<ProblemReply> ProblemReplies => Set<ProblemReply>();
    public DbSet<Strand> Strands => Set<Strand>();
    public DbSet<Cohort> Cohorts => Set<Cohort>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<Booking> Bookings => Set<Booking>();
    public DbSet<Apology> Apologies => Set<Apology>();
    public DbSet<AttendanceRecord> AttendanceRecords => Set<AttendanceRecord>();
    public DbSet<BankHoliday> BankHolidays => Set<BankHoliday>();
    public DbSet<Participant> Participants => Set<Participant>();
    public DbSet<Enrolment> Enrolments => Set<Enrolment>();
    public DbSet<EqualityInformation> EqualityInformation => Set<EqualityInformation>();
    public DbSet<DirectorInvitation> DirectorInvitations => Set<DirectorInvitation>();
    public DbSet<EnrolmentStatusChange> EnrolmentStatusChanges => Set<EnrolmentStatusChange>();
    public DbSet<CoachProfile> CoachProfiles => Set<CoachProfile>();
    public DbSet<CoachConsent> CoachConsents => Set<CoachConsent>();
    public DbSet<CoachingCharacteristic> CoachingCharacteristics => Set<CoachingCharacteristic>();
    public DbSet<MatchingRound> MatchingRounds => Set<MatchingRound>();
    public DbSet<CoachingRequest> CoachingRequests => Set<CoachingRequest>();
    public DbSet<RoundDecision> RoundDecisions => Set<RoundDecision>();
    public DbSet<RoundProposal> RoundProposals => Set<RoundProposal>();
    public DbSet<CoachingRelationship> CoachingRelationships => Set<CoachingRelationship>();
    public DbSet<CoachingSessionLog> CoachingSessionLogs => Set<CoachingSessionLog>();
    public DbSet<Upon.DataProtection.SubjectRequest> SubjectRequests => Set<Upon.DataProtection.SubjectRequest>();
    public DbSet<Upon.Impact.ReturnSubmission> ReturnSubmissions => Set<Upon.Impact.ReturnSubmission>();
    public DbSet<Upon.Impact.WorkforceEthnicityFigure> WorkforceEthnicity => Set<Upon.Impact.WorkforceEthnicityFigure>();
    public DbSet<Upon.Impact.CensusEthnicityFigure> CensusEthnicity => Set<Upon.Impact.CensusEthnicityFigure>();
    public DbSet<Upon.Impact.EqualityBaliGraduate> BaliGraduates => Set<Upon.Impact.EqualityBaliGraduate>();
    public DbSet<AspirantCohort> AspirantCohorts => Set<AspirantCohort>();
    public DbSet<AspirantCriterion> AspirantCriteria => Set<AspirantCriterion>();
    public DbSet<AspirantQuestion> AspirantQuestions => Set<AspirantQuestion>();
    public DbSet<AspirantTaughtDay> AspirantTaughtDays => Set<AspirantTaughtDay>();
    public DbSet<AspirantApplication> AspirantApplications => Set<AspirantApplication>();
    public DbSet<AspirantAnswer> AspirantAnswers => Set<AspirantAnswer>();
    public DbSet<AspirantRedaction> AspirantRedactions => Set<AspirantRedaction>();
    public DbSet<AspirantEndorsement> AspirantEndorsements => Set<AspirantEndorsement>();
    public DbSet<AspirantEqualityMonitoring> AspirantEqualityMonitoring => Set<AspirantEqualityMonitoring>();
    public DbSet<AspirantReviewer> AspirantReviewers => Set<AspirantReviewer>();
    public DbSet<CohortReviewer> CohortReviewers => Set<CohortReviewer>();
    public DbSet<AspirantReview> AspirantReviews => Set<AspirantReview>();
    public DbSet<AspirantScore> AspirantScores => Set<AspirantScore>();
    public DbSet<AspirantConflict> AspirantConflicts => Set<AspirantConflict>();
    public DbSet<AlumniMatchRejection> AlumniMatchRejections => Set<AlumniMatchRejection>();
    public DbSet<AspirantModeration> AspirantModerations => Set<AspirantModeration>();
    public DbSet<Upon.SessionFeedback.FeedbackForm> FeedbackForms => Set<Upon.SessionFeedback.FeedbackForm>();
    public DbSet<Upon.SessionFeedback.FeedbackQuestion> FeedbackQuestions => Set<Upon.SessionFeedback.FeedbackQuestion>();
    public DbSet<Upon.SessionFeedback.FeedbackRequest> FeedbackRequests => Set<Upon.SessionFeedback.FeedbackRequest>();
    public DbSet<Upon.SessionFeedback.FeedbackResponse> FeedbackResponses => Set<Upon.SessionFeedback.FeedbackResponse>();
    public DbSet<Upon.SessionFeedback.FeedbackAnswer> FeedbackAnswers => Set<Upon.SessionFeedback.FeedbackAnswer>();
    public DbSet<Upon.Shared.Figures.DataVersion> DataVersions => Set<Upon.Shared.Figures.DataVersion>();
    public DbSet<Upon.Shared.Leases.Lease> Leases => Set<Upon.Shared.Leases.Lease>();
    public DbSet<Upon.Shared.Figures.StoredFigure> StoredFigures => Set<Upon.Shared.Figures.StoredFigure>();

    private bool _figureDataChanged;

    /// <summary>
    /// Marks this context's current transaction as changing figure data, so that <see cref="Data.DataVersions"/> raises the
    /// data version when it commits (the bulk writer calls this; saves through the change tracker mark it themselves).
    /// </summary>
    public void MarkFigureDataChanged() => _figureDataChanged = true;

    /// <summary>Whether the transaction that is ending changed figure data; clears the mark.</summary>
    internal bool TakeFigureDataChange()
    {
        var changed = _figureDataChanged;
        _figureDataChanged = false;
        return changed;
    }
    public DbSet<Upon.Impact.ImportedEnrolment> ImportedEnrolments => Set<Upon.Impact.ImportedEnrolment>();
    public DbSet<AspirantLearningSet> AspirantLearningSets => Set<AspirantLearningSet>();
    public DbSet<AspirantLearningSetMember> AspirantLearningSetMembers => Set<AspirantLearningSetMember>();
    public DbSet<AspirantLearningSetMeeting> AspirantLearningSetMeetings => Set<AspirantLearningSetMeeting>();

    // Identity reads its schema version (3: with passkeys, AspNetUserPasskeys) from the app's IdentityOptions. A context
    // made without the app (the design-time factories, tests) gets the same options from here, so every context has the
    // same model as the migrations.
    private static readonly IServiceProvider IdentityStoreDefaults = new ServiceCollection()
        .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3)
        .BuildServiceProvider();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        if (optionsBuilder.Options.FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()?.ApplicationServiceProvider is null)
        {
            optionsBuilder.UseApplicationServiceProvider(IdentityStoreDefaults);
        }
    }

    /// <summary>Who the audit log names for changes saved through this context.</summary>
    public IAuditActor Actor => _actor ?? throw NotInUse();

    public IClock Clock => _clock ?? throw NotInUse();

    private static InvalidOperationException NotInUse() =>
        new("This context was not readied for use: call Use(actor, clock) first (the app's services do).");

    /// <summary>
    /// Set by data protection while it erases a person: the changes saved are audited as "erased", naming the fields
    /// but never their values, so the log keeps no copy of what was erased.
    /// </summary>
    public bool Erasing { get; set; }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<LocalDate>().HaveConversion<LocalDateConverter>();
        configurationBuilder.Properties<Instant>().HaveConversion<InstantConverter>();
        configurationBuilder.Properties<LocalDateTime>().HaveConversion<LocalDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(UponDbContext).Assembly, t => t.Namespace == typeof(RegisterMappings).Namespace);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var pending = AuditChanges.Capture(this, Erasing, Upon.DataProtection.DataMap.IsSpecialCategory);
        // Every change counts, audited or not (an anonymous feedback response is not audited, yet its figures change).
        var figureData = ChangeTracker.Entries().Any(Data.DataVersions.AffectsFigures);
        if (pending.Count == 0 && !figureData)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        if (figureData)
        {
            MarkFigureDataChanged();
        }
        // The change and its audit lines commit together or not at all.
        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            var now = Clock.GetCurrentInstant();
            var actor = Actor;
            AuditEvents.AddRange(pending.Select(p => new AuditEvent
            {
                At = now,
                UserId = actor.UserId,
                Actor = actor.Name,
                Action = p.Action,
                EntityType = p.Entry.Metadata.ClrType.Name,
                EntityId = AuditChanges.KeyOf(p.Entry),
                Changes = p.Changes,
            }));
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
            return saved;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }
}

public sealed class SqliteUponDbContext(DbContextOptions<SqliteUponDbContext> options) : UponDbContext(options);

public sealed class PostgresUponDbContext(DbContextOptions<PostgresUponDbContext> options) : UponDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // A wall-clock time in Europe/London is not an instant: Npgsql would otherwise make it timestamptz.
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(t => t.GetProperties()).Where(p => p.ClrType == typeof(LocalDateTime)))
        {
            property.SetColumnType("timestamp without time zone");
        }
    }
}
