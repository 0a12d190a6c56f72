using Microsoft.AspNetCore.Identity;
using NodaTime;
using Upon.Audit;
using Upon.Core;
using Upon.Data;
using Upon.Impact;
using Upon.Register;
using Upon.Register.ReferenceData;
using Upon.SessionFeedback;
using Upon.Sessions;
using Upon.Sessions.ReferenceData;
using Upon.Shared.Security;

namespace Upon;

/// <summary>
/// What a new SQLite database is given in the transaction that creates its schema
/// (<see cref="DatabaseSetup.MigrateAsync(IServiceProvider, NewDatabaseFiller?, CancellationToken)"/>): exactly what the
/// set-up steps of <see cref="UponServices.InitialiseAsync(IServiceProvider, bool, bool, bool, CancellationToken)"/> would
/// write into it (the roles, the authorities with their regions and GSS codes, the standing strands, the standard
/// feedback form, the bank holidays and the workforce figures), written with the bulk writer on the creating connection
/// rather than through EF Core. Through EF Core those steps were most of a new database's 0.9 s (its first context,
/// query and save each made ready), which a command on a new database (an import) paid before its own work
/// (bench/README.md, thirty-sixth round). tests/Upon.Tests/Data/NewDatabaseFillTests.cs keeps the two ways equal.
/// <para>
/// Each row gets one <c>created</c> audit line naming it, who and when, with the detail <see cref="Detail"/> and no
/// values, as an import's rows do: the values are the shipped reference data's and the code's, and every later change
/// records the old value beside the new.
/// </para>
/// </summary>
public static class NewDatabaseFill
{
    /// <summary>The detail of the fill's audit lines.</summary>
    public const string Detail = "Set up with the new database";

    /// <summary>Writes the set-up in the session's transaction, which has just created the schema (every table empty).</summary>
    public static async Task FillAsync(BulkSession session, IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(services);
        var bulk = new BulkWriter(session);
        var actor = services.GetRequiredService<IAuditActor>();
        var now = services.GetRequiredService<IClock>().GetCurrentInstant();
        var normalizer = services.GetRequiredService<ILookupNormalizer>();
        var lines = new List<AuditEvent>();
        void Created(string type, string id) => lines.Add(new AuditEvent
        {
            At = now, UserId = actor.UserId, Actor = actor.Name, Action = AuditActions.Created, EntityType = type, EntityId = id, Detail = Detail,
        });

        var roles = Roles.All.Select(role => new IdentityRole(role) { NormalizedName = normalizer.NormalizeName(role) }).ToList();
        await bulk.InsertRowsAsync(roles,
            [nameof(IdentityRole.Id), nameof(IdentityRole.Name), nameof(IdentityRole.NormalizedName), nameof(IdentityRole.ConcurrencyStamp)],
            r => [r.Id, r.Name, r.NormalizedName, r.ConcurrencyStamp], cancellationToken);
        roles.ForEach(r => Created(nameof(IdentityRole), r.Id));

        var (references, regionReferences) = AuthorityReferenceData.LoadEmbedded();
        var regions = AuthorityImporter.RegionsOf(references, regionReferences);
        await bulk.InsertRowsAsync(regions, [nameof(Region.Code), nameof(Region.Name)], r => [r.Code, r.Name], cancellationToken);
        foreach (var region in regions)
        {
            Created(nameof(Region), region.Code);
        }
        var authorities = references.Select(AuthorityImporter.ToEntity).ToList();
        await bulk.InsertRowsAsync(authorities,
            [nameof(Authority.Code), nameof(Authority.Name), nameof(Authority.RegionCode), nameof(Authority.OperatingFrom), nameof(Authority.OperatingTo)],
            a => [a.Code, a.Name, a.RegionCode, a.OperatingFrom?.ToDateOnly(), a.OperatingTo?.ToDateOnly()], cancellationToken);
        authorities.ForEach(a => Created(nameof(Authority), a.Code));
        var gssCodes = authorities.SelectMany(a => a.GssCodes).ToList();
        await bulk.InsertRowsAsync(gssCodes,
            [nameof(AuthorityGssCode.Code), nameof(AuthorityGssCode.ValidFrom), nameof(AuthorityGssCode.AuthorityCode), nameof(AuthorityGssCode.Name),
                nameof(AuthorityGssCode.RegionCode), nameof(AuthorityGssCode.ValidTo)],
            g => [g.Code, g.ValidFrom.ToDateOnly(), g.AuthorityCode, g.Name, g.RegionCode, g.ValidTo?.ToDateOnly()], cancellationToken);
        // The key as EF Core's audit names a composite one: its parts, comma separated.
        gssCodes.ForEach(g => Created(nameof(AuthorityGssCode), $"{g.Code},{g.ValidFrom.ToIsoString()}"));

        // The keys SQLite would give them, given here so that the audit lines can name them: every table is new.
        var strands = StrandSetup.Defaults().Select((s, i) => { s.Id = i + 1; return s; }).ToList();
        await bulk.InsertRowsAsync(strands,
            [nameof(Strand.Id), nameof(Strand.Slug), nameof(Strand.Name), nameof(Strand.Summary), nameof(Strand.HasCohorts), nameof(Strand.DisplayOrder)],
            s => [s.Id, s.Slug, s.Name, s.Summary, s.HasCohorts, s.DisplayOrder], cancellationToken);
        strands.ForEach(s => Created(nameof(Strand), s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var form = FeedbackForms.NewStandardForm(now);
        form.Id = 1;
        // For every strand and type: its strand and type columns stay empty.
        await bulk.InsertRowsAsync([form], [nameof(FeedbackForm.Id), nameof(FeedbackForm.Name), nameof(FeedbackForm.UpdatedAt)],
            f => [f.Id, f.Name, f.UpdatedAt.ToDateTimeUtc()], cancellationToken);
        Created(nameof(FeedbackForm), "1");
        var questions = form.Questions.Select((q, i) => { q.Id = i + 1; q.FormId = form.Id; return q; }).ToList();
        await bulk.InsertRowsAsync(questions,
            [nameof(FeedbackQuestion.Id), nameof(FeedbackQuestion.FormId), nameof(FeedbackQuestion.Position), nameof(FeedbackQuestion.Text),
                nameof(FeedbackQuestion.Kind), nameof(FeedbackQuestion.Level), nameof(FeedbackQuestion.Retired)],
            q => [q.Id, q.FormId, q.Position, q.Text, q.Kind.ToString(), q.Level.ToString(), q.Retired], cancellationToken);
        questions.ForEach(q => Created(nameof(FeedbackQuestion), q.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var holidays = BankHolidayReferenceData.LoadEmbedded().Holidays.Select(h => new BankHoliday { Date = h.Date, Title = h.Title }).ToList();
        await bulk.InsertRowsAsync(holidays, [nameof(BankHoliday.Date), nameof(BankHoliday.Title)], h => [h.Date.ToDateOnly(), h.Title], cancellationToken);
        holidays.ForEach(h => Created(nameof(BankHoliday), h.Date.ToIsoString()));

        await WorkforceImporter.LoadEmbeddedAsync(bulk, cancellationToken);
        await bulk.InsertAuditEventsAsync(lines, cancellationToken);
        session.MarkFigureDataChanged();
    }
}
