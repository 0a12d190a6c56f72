namespace Upon.Sessions;

/// <summary>
/// The outcome of a change to the programme's strands, cohorts or sessions: the id of what was saved and how many
/// people were emailed about it, or the problems keyed by form field (an empty key is about the whole form).
/// </summary>
public sealed record SaveResult(int? Id, IReadOnlyDictionary<string, string> Errors, int Emailed = 0)
{
    public bool Succeeded => Errors.Count == 0;

    public static SaveResult Saved(int id, int emailed = 0) => new(id, new Dictionary<string, string>(), emailed);

    public static SaveResult Failed(string field, string message) => new(null, new Dictionary<string, string> { [field] = message });

    public static SaveResult Failed(IReadOnlyDictionary<string, string> errors) => new(null, errors);
}
