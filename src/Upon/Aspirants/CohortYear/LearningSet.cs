using NodaTime;
using Upon.Sessions;

namespace Upon.Aspirants;

/// <summary>
/// One of a cohort's action learning sets: five or six participants, no two from the same authority. Formed by the
/// solver as a draft for staff to adjust, then published; its meetings are sessions the members are booked on.
/// </summary>
public class AspirantLearningSet
{
    public int Id { get; set; }
    public int CohortId { get; set; }
    public AspirantCohort? Cohort { get; set; }

    /// <summary>Its number within the cohort (1, 2, ...), as staff and members see it.</summary>
    public int Number { get; set; }

    /// <summary>When staff published the cohort's sets; null while a draft.</summary>
    public Instant? PublishedAt { get; set; }
    public Instant CreatedAt { get; set; }
    public List<AspirantLearningSetMember> Members { get; set; } = [];
    public List<AspirantLearningSetMeeting> Meetings { get; set; } = [];

    public string Name => $"Action learning set {Number}";
}

/// <summary>An accepted applicant's place in a learning set; each is in at most one set.</summary>
public class AspirantLearningSetMember
{
    public int Id { get; set; }
    public int SetId { get; set; }
    public AspirantLearningSet? Set { get; set; }
    public int ApplicationId { get; set; }
    public AspirantApplication? Application { get; set; }
}

/// <summary>A meeting of a learning set: a session of the Aspirant Directors strand that the set's members are booked on.</summary>
public class AspirantLearningSetMeeting
{
    public int Id { get; set; }
    public int SetId { get; set; }
    public AspirantLearningSet? Set { get; set; }
    public int SessionId { get; set; }
    public Session? Session { get; set; }
}
