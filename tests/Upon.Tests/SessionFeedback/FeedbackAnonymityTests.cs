using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Upon.Accounts;
using Upon.Data;
using Upon.Register;
using Upon.SessionFeedback;
using Upon.Sessions;
using Upon.Tests.Infrastructure;

namespace Upon.Tests.SessionFeedback;

/// <summary>
/// Anonymous but remindable: nothing in the answers' tables leads to a person, in the model and in the real database's
/// schema, and saving an answer leaves no trace that joins it to its author (no audit line, no shared write stamp).
/// </summary>
public abstract class FeedbackAnonymityTests(UponApp app)
{
    private static readonly Type[] AnswerTables = [typeof(FeedbackResponse), typeof(FeedbackAnswer)];

    /// <summary>The tables that hold or lead to a person.</summary>
    private static readonly Type[] PersonTables = [typeof(Participant), typeof(UponUser), typeof(Person), typeof(FeedbackRequest), typeof(AttendanceRecord), typeof(Booking)];

    private static readonly Dictionary<string, string[]> ExpectedColumns = new()
    {
        ["feedback_responses"] = ["FormId", "Id", "SessionId"],
        ["feedback_answers"] = ["Id", "QuestionId", "Rating", "ResponseId", "Text"],
    };

    private static readonly Dictionary<string, string[]> ExpectedReferences = new()
    {
        ["feedback_responses"] = ["feedback_forms", "sessions"],
        ["feedback_answers"] = ["feedback_questions", "feedback_responses"],
    };

    [SkippableFact]
    public async Task TheModel_HasNoPathFromAnAnswerToAPerson_NoTimeAndARandomKey()
    {
        app.RequireDatabase();
        await app.WithDbAsync(db =>
        {
            foreach (var type in AnswerTables)
            {
                var entity = db.Model.FindEntityType(type)!;
                // Every table reachable through foreign keys, however far.
                var reached = new HashSet<IEntityType>();
                var todo = new Stack<IEntityType>([entity]);
                while (todo.TryPop(out var next))
                {
                    foreach (var key in next.GetForeignKeys())
                    {
                        if (reached.Add(key.PrincipalEntityType))
                        {
                            todo.Push(key.PrincipalEntityType);
                        }
                    }
                }
                Assert.DoesNotContain(reached, e => PersonTables.Contains(e.ClrType));
                Assert.DoesNotContain(entity.GetProperties(), p => p.ClrType == typeof(Instant) || p.ClrType == typeof(Instant?)
                    || p.ClrType == typeof(LocalDateTime) || p.ClrType == typeof(LocalDate) || p.ClrType == typeof(LocalDate?) || p.ClrType == typeof(DateTime));
                var id = entity.FindPrimaryKey()!.Properties.Single();
                Assert.Equal(typeof(Guid), id.ClrType);
                Assert.Equal(ValueGenerated.Never, id.ValueGenerated);
                Assert.True(Attribute.IsDefined(type, typeof(Upon.Shared.NotAuditedAttribute)));
            }
            return Task.CompletedTask;
        });
    }

    [SkippableFact]
    public async Task TheDatabase_AnswersTablesHaveOnlyTheirColumns_AndReferenceNoPerson()
    {
        app.RequireDatabase();
        await using var db = app.Database.CreateDbContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        foreach (var (table, columns) in ExpectedColumns)
        {
            Assert.Equal(columns, await ColumnsAsync(connection, table));
            Assert.Equal(ExpectedReferences[table], await ReferencesAsync(connection, table));
        }
        if (app.Provider == DatabaseProvider.Sqlite)
        {
            // Stored in the order of their random keys, with no hidden rowid counting the order they were written in.
            foreach (var table in ExpectedColumns.Keys)
            {
                Assert.Equal(0L, await ScalarAsync(connection, $"SELECT COUNT(*) FROM sqlite_master WHERE name = '{table}' AND sql NOT LIKE '%WITHOUT ROWID%'"));
            }
        }
    }

    [SkippableFact]
    public async Task Answering_LeavesNoAuditLine_AndNoWriteStampSharedWithTheAnswer()
    {
        app.RequireDatabase();
        var held = await FeedbackSeed.HeldSessionAsync(app, present: 3);
        await FeedbackSeed.RunAsync(app, new LocalDate(2026, 11, 21));
        Assert.Equal(SubmissionOutcome.Saved, await FeedbackSeed.AnswerAsync(app, held.Session, held.Present[0], 5, "Very useful"));
        Assert.Equal(SubmissionOutcome.Saved, await FeedbackSeed.AnswerAsync(app, held.Session, held.Present[2], 3));
        Assert.Equal(SubmissionOutcome.AlreadyAnswered, await FeedbackSeed.AnswerAsync(app, held.Session, held.Present[0], 1));

        var requests = await FeedbackSeed.RequestsAsync(app, held.Session.Id);
        Assert.Equal([true, false, true], requests.Select(q => q.Answered));
        await app.WithDbAsync(async db =>
        {
            Assert.Equal(2, await db.FeedbackResponses.CountAsync(r => r.SessionId == held.Session.Id));
            Assert.False(await db.AuditEvents.AnyAsync(e => e.EntityType == nameof(FeedbackResponse) || e.EntityType == nameof(FeedbackAnswer) || e.EntityType == nameof(FeedbackRequest)));
        });
        if (app.Provider == DatabaseProvider.Postgres)
        {
            // Each row records the transaction that last wrote it: every request of the session was rewritten by the
            // last answer, so no request's stamp is the stamp of an earlier answer.
            await using var db = app.Database.CreateDbContext();
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            Assert.Equal(1L, await ScalarAsync(connection, $"SELECT COUNT(DISTINCT xmin::text) FROM feedback_requests WHERE \"SessionId\" = {held.Session.Id}"));
            // Without that, each answered request would share its stamp with its own answer: two matches, not one or none.
            Assert.InRange(await ScalarAsync(connection, "SELECT COUNT(DISTINCT r.xmin::text) FROM feedback_responses r JOIN feedback_requests q ON q.xmin::text = r.xmin::text " +
                $"WHERE r.\"SessionId\" = {held.Session.Id} AND q.\"SessionId\" = {held.Session.Id}"), 0L, 1L);
        }
    }

    private async Task<List<string>> ColumnsAsync(DbConnection connection, string table)
    {
        var sql = app.Provider == DatabaseProvider.Sqlite
            ? $"SELECT name FROM pragma_table_info('{table}')"
            : $"SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '{table}'";
        return [.. (await ListAsync(connection, sql)).Order(StringComparer.Ordinal)];
    }

    private async Task<List<string>> ReferencesAsync(DbConnection connection, string table)
    {
        var sql = app.Provider == DatabaseProvider.Sqlite
            ? $"SELECT DISTINCT \"table\" FROM pragma_foreign_key_list('{table}')"
            : "SELECT DISTINCT ccu.table_name FROM information_schema.table_constraints tc JOIN information_schema.constraint_column_usage ccu ON tc.constraint_name = ccu.constraint_name " +
              $"WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_name = '{table}'";
        return [.. (await ListAsync(connection, sql)).Order(StringComparer.Ordinal)];
    }

    private static async Task<List<string>> ListAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }
        return values;
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

public sealed class FeedbackAnonymityTests_Sqlite(SqliteApp app) : FeedbackAnonymityTests(app), IClassFixture<SqliteApp>;

public sealed class FeedbackAnonymityTests_Postgres(PostgresApp app) : FeedbackAnonymityTests(app), IClassFixture<PostgresApp>;
