using NodaTime;

namespace Upon.DataProtection;

/// <summary>What kind of data a column holds, for the subject access response's files and for erasure.</summary>
public enum DataCategory
{
    /// <summary>Who the person is: names, identifiers that point at them.</summary>
    Identity,

    /// <summary>How to reach them: email addresses, the text of messages to them.</summary>
    Contact,

    /// <summary>UK GDPR Article 9 data (ethnicity, sex as asked for equality monitoring, disability, what a person asked for in a coach). Audited as "changed" without values.</summary>
    SpecialCategory,

    /// <summary>What the programme recorded about them: bookings, attendance, appointments, coaching, dates.</summary>
    ProgrammeRecord,

    /// <summary>The audit log's own fields.</summary>
    Audit,

    /// <summary>Secrets (password and token hashes): never exported, removed with the account.</summary>
    Credential,

    /// <summary>Not personal data: reference data, keys, settings.</summary>
    NotPersonal,
}

/// <summary>What erasing a person does to a row of a table.</summary>
public enum RowErasure
{
    /// <summary>The row is deleted.</summary>
    DeleteRow,

    /// <summary>The row is kept (for figures or the legal record); its columns are erased as each column says.</summary>
    KeepRow,
}

/// <summary>What erasing a person does to one column of a row that is kept.</summary>
public enum ColumnErasure
{
    /// <summary>The value is kept.</summary>
    Keep,

    /// <summary>The value is emptied (null, or an empty text where a value is required).</summary>
    Blank,

    /// <summary>The value is replaced with the erasure's pseudonym ("Erased 7F3A2C91", or erased-7f3a2c91@erased.invalid for an address).</summary>
    Pseudonymise,

    /// <summary>
    /// An ethnic group code is reduced to its DfE major group, recorded as a code that says the major group and nothing
    /// more (white-roma and white-other both become <c>white</c>, which no one can choose): the minor group is gone, while
    /// every figure, which counts major groups only, stays the same.
    /// </summary>
    GeneraliseEthnicity,
}

/// <summary>How long a table's rows are kept, and from when; a null <see cref="Period"/> means no date ends it.</summary>
public sealed record Retention(string Text, Period? Period)
{
    /// <summary>Kept for <paramref name="period"/> after <paramref name="from"/>, then erased by the retention run.</summary>
    public static Retention For(Period period, string describedPeriod, string from) => new($"{describedPeriod} after {from}", period);

    /// <summary>Kept with no end date: <paramref name="text"/> says until when.</summary>
    public static Retention Until(string text) => new(text, null);
}

/// <summary>One column of the data map.</summary>
public sealed record ColumnPolicy(string Name, DataCategory Category, ColumnErasure Erasure, string? Note);

/// <summary>One table of the data map: what it is for, on what lawful basis, who receives it, how long it is kept and what erasure does.</summary>
public sealed record TablePolicy(
    string Table,
    string Holds,
    string Purpose,
    string LawfulBasis,
    string Recipients,
    Retention Retention,
    RowErasure RowErasure,
    string ErasureNote,
    IReadOnlyList<ColumnPolicy> Columns)
{
    public ColumnPolicy? Column(string name) => Columns.FirstOrDefault(c => c.Name == name);

    /// <summary>Whether any column holds data about a person.</summary>
    public bool HoldsPersonalData => Columns.Any(c => c.Category != DataCategory.NotPersonal);
}
