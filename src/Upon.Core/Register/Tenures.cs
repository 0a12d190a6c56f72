using NodaTime;

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

        var byPost = new Dictionary<(string Authority, string Person), List<AppointmentFact>>();
        foreach (var appointment in appointments)
        {
            var key = (appointment.AuthorityCode, appointment.PersonId);
            if (!byPost.TryGetValue(key, out var list))
            {
                list = [];
                byPost.Add(key, list);
            }
            list.Add(appointment);
        }

        var tenures = new List<Tenure>(byPost.Count);
        foreach (var ((authority, person), list) in byPost)
        {
            list.Sort(AppointmentOrder.ByStartThenEnd);
            var start = list[0].Start;
            var end = list[0].End;
            for (var i = 1; i < list.Count; i++)
            {
                var next = list[i];
                if (end is null || next.Start <= end.Value.PlusDays(MaxGapDays))
                {
                    end = end is null || next.End is null ? null : LocalDate.Max(end.Value, next.End.Value);
                }
                else
                {
                    tenures.Add(new Tenure(authority, person, start, end));
                    start = next.Start;
                    end = next.End;
                }
            }
            tenures.Add(new Tenure(authority, person, start, end));
        }

        tenures.Sort(static (a, b) =>
        {
            var byAuthority = string.CompareOrdinal(a.AuthorityCode, b.AuthorityCode);
            if (byAuthority != 0)
            {
                return byAuthority;
            }
            var byStart = a.Start.CompareTo(b.Start);
            return byStart != 0 ? byStart : string.CompareOrdinal(a.PersonId, b.PersonId);
        });
        return tenures;
    }
}
