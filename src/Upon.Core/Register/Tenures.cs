namespace Upon.Core.Register;

/// <summary>Builds <see cref="Tenure"/>s from appointments.</summary>
public static class Tenures
{
    /// <summary>
    /// The longest gap, in days after the previous appointment's last day, within which a person's next
    /// appointment in the same authority continues the same tenure.
    /// </summary>
    public const int MaxGapDays = 31;

    /// <summary>
    /// Merges each person's appointments in each authority into tenures. Taking that person's appointments
    /// in that authority in order of start, the next one continues the tenure when it starts no more than
    /// 31 days after the tenure's last day so far (<c>next.Start &lt;= end + 31 days</c>), so an interim made
    /// permanent is one tenure. An open appointment (no end) makes the tenure open, and any later appointment
    /// of the same person in that authority joins it. Appointments of other people in between do not break
    /// a tenure. Ordered by authority code (ordinal), then start, then person.
    /// </summary>
    public static IReadOnlyList<Tenure> Build(IEnumerable<AppointmentFact> appointments)
    {
        ArgumentNullException.ThrowIfNull(appointments);

        var index = new RegisterIndex(appointments);
        var spans = index.TenureSpans();
        spans.Sort(static (a, b) =>
            a.Authority != b.Authority ? a.Authority.CompareTo(b.Authority)
            : a.Start != b.Start ? a.Start.CompareTo(b.Start)
            : a.Person.CompareTo(b.Person));
        return [.. spans.Select(s => new Tenure(
            index.AuthorityCodes[s.Authority],
            index.PersonIds[s.Person],
            index.Facts[s.StartFact].Start,
            index.Facts[s.EndFact].End))];
    }
}
