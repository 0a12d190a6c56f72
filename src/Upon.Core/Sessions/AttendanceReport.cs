using NodaTime;

namespace Upon.Core.Sessions;

/// <summary>Which product wrote an attendance report.</summary>
public enum AttendanceReportFormat
{
    /// <summary>A Microsoft Teams meeting attendance report.</summary>
    Teams,

    /// <summary>A Zoom participants report.</summary>
    Zoom,
}

/// <summary>A meeting attendance report, read by <see cref="AttendanceReportParser"/>.</summary>
public sealed record AttendanceReport(AttendanceReportFormat Format, IReadOnlyList<AttendanceReportRow> Rows);

/// <summary>
/// One row of an attendance report: a person, or one of their visits when the report lists each join separately.
/// </summary>
/// <param name="Line">The line of the file the row starts on, counting from 1.</param>
/// <param name="Name">The name as the report shows it (which the person may have typed themselves).</param>
/// <param name="Email">The email address, or null when the report has none (guests, phone callers).</param>
/// <param name="FirstJoin">When they joined, as London wall-clock time, or null when the report does not say.</param>
/// <param name="LastLeave">When they left, as London wall-clock time, or null when the report does not say.</param>
/// <param name="Minutes">Minutes in the meeting as the report states them (rounded to the nearest minute), or null.</param>
public sealed record AttendanceReportRow(int Line, string Name, string? Email, LocalDateTime? FirstJoin, LocalDateTime? LastLeave, int? Minutes);

/// <summary>The file is not an attendance report Upon can read; <see cref="Line"/> and the message say where and why.</summary>
public sealed class AttendanceReportFormatException : FormatException
{
    /// <summary>A problem at a line of the report, or with the whole file.</summary>
    /// <param name="line">The line of the file, counting from 1, or null for the whole file.</param>
    /// <param name="reason">What is wrong, without the line number.</param>
    public AttendanceReportFormatException(int? line, string reason)
        : base(line is null ? reason : $"Line {line}: {reason}")
    {
        Line = line;
        Reason = reason;
    }

    /// <summary>The file is not an attendance report at all.</summary>
    public AttendanceReportFormatException() : this(null, "The file is not an attendance report.")
    {
    }

    /// <summary>A problem with the whole file.</summary>
    /// <param name="message">What is wrong.</param>
    public AttendanceReportFormatException(string message) : this(null, message)
    {
    }

    /// <summary>A problem with the whole file, found while reading it failed in another way.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The failure that revealed it.</param>
    public AttendanceReportFormatException(string message, Exception innerException) : base(message, innerException)
    {
        Reason = message;
    }

    /// <summary>The line of the file, counting from 1, or null when the problem is the whole file.</summary>
    public int? Line { get; }

    /// <summary>What is wrong, without the line number.</summary>
    public string Reason { get; }
}
