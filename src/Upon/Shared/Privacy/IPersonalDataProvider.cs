using NodaTime;

namespace Upon.Shared.Privacy;

/// <summary>
/// What one feature holds about a person, as Moodle's privacy providers declare it: the rows of its tables that are about
/// them, and the rows its retention rules have made due. Data protection (<c>DataProtection/</c>) exports those rows,
/// erases them by the data map's policy for each column, and applies retention; the feature itself never needs to know
/// how. Register an implementation with <c>services.AddScoped&lt;IPersonalDataProvider, ...&gt;()</c>.
/// </summary>
public interface IPersonalDataProvider
{
    /// <summary>The feature, as people read it in a subject access response ("Sessions and attendance").</summary>
    string Feature { get; }

    /// <summary>The tables whose rows this provider finds (each must be in the data map).</summary>
    IReadOnlyList<string> Tables { get; }

    /// <summary>
    /// The rows about <paramref name="subject"/>, tracked by the context (erasure changes them and saves). A row another
    /// provider also finds (a participant's register record, say) may be given by both.
    /// </summary>
    Task<IReadOnlyList<PersonalRows>> FindAsync(DataSubject subject, CancellationToken cancellationToken);

    /// <summary>
    /// A column's value as the person's own subject access download gives it: by default as held. A provider withholds
    /// here what, in a row about the person, is another person's special-category data (a coaching proposal's reasons
    /// name the coach's consented characteristics and the participant's wishes); erasure still finds and erases it.
    /// </summary>
    object? ForDownload(string table, string column, object? value) => value;

    /// <summary>
    /// What this feature's retention rules make due on <see cref="RetentionContext.Today"/>: whole people to erase
    /// (<see cref="RetentionDue.Subject"/>) or rows to erase by the policy (<see cref="RetentionDue.Rows"/>). Return
    /// nothing when the feature keeps no data by date.
    /// </summary>
    Task<IReadOnlyList<RetentionDue>> FindRetentionDueAsync(RetentionContext context, CancellationToken cancellationToken);
}

/// <summary>A person whose data is asked for or erased, known by their email address (compared without case).</summary>
public sealed record DataSubject
{
    public DataSubject(string email)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        Email = email.Trim();
    }

    public string Email { get; }

    /// <summary>The address in lower case, to compare with what the database holds.</summary>
    public string LowerEmail => Email.ToLowerInvariant();
}

/// <summary>Rows of one table about a person: the entities, tracked by the context that found them.</summary>
public sealed record PersonalRows(string Table, IReadOnlyList<object> Rows);

/// <summary>
/// What a retention run asks a provider: today in London and how long the data map keeps each table; and, read once for
/// every rule, the participants not yet erased (<see cref="Live"/>), whom rules about other people leave to the
/// participants' rule, and every feature's programme activity (<see cref="Activity"/>).
/// </summary>
public sealed record RetentionContext(LocalDate Today, IReadOnlyDictionary<string, Period> KeepFor, LiveParticipants Live, ActivityByEmail Activity)
{
    /// <summary>
    /// The first day still kept for <paramref name="table"/>: anything whose start of retention is before it is due.
    /// Null when the data map keeps the table without a period (it is never due by date).
    /// </summary>
    public LocalDate? KeptSince(string table) => KeepFor.TryGetValue(table, out var period) ? Today - period : null;
}

/// <summary>
/// Something a retention rule has made due: a whole person to erase (as an erasure on request would), or rows to
/// erase by the data map's policy for their table, or (<see cref="People"/>) rows of several people, each person's erased
/// together under a pseudonym of their own, so that figures matching a person's records across tables still match.
/// <see cref="Description"/> is what staff read in the summary; it names no one.
/// </summary>
public sealed record RetentionDue(string Rule, string Description, DataSubject? Subject = null, PersonalRows? Rows = null, IReadOnlyList<IReadOnlyList<PersonalRows>>? People = null);
