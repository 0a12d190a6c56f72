using NodaTime;

namespace Upon.Aspirants;

/// <summary>A three-way answer: yes, no, or prefer not to say. (No answer at all is null.)</summary>
public enum YesNoPreferNot
{
    Yes,
    No,
    PreferNotToSay,
}

/// <summary>Sex, as the GSS harmonised question asks it.</summary>
public enum MonitoringSex
{
    Female,
    Male,
    PreferNotToSay,
}

/// <summary>Sexual orientation, as the GSS harmonised question asks it.</summary>
public enum SexualOrientation
{
    StraightOrHeterosexual,
    GayOrLesbian,
    Bisexual,
    Other,
    PreferNotToSay,
}

/// <summary>The GSS harmonised disability question's second part: do the condition's effects reduce day-to-day activities.</summary>
public enum ActivitiesReduced
{
    ALot,
    ALittle,
    NotAtAll,
    PreferNotToSay,
}

/// <summary>Religion, as the GSS harmonised question asks it.</summary>
public enum Religion
{
    NoReligion,
    Christian,
    Buddhist,
    Hindu,
    Jewish,
    Muslim,
    Sikh,
    Other,
    PreferNotToSay,
}

/// <summary>Age band.</summary>
public enum AgeBand
{
    Under30,
    From30To39,
    From40To49,
    From50To59,
    From60,
    PreferNotToSay,
}

/// <summary>
/// An applicant's voluntary equality monitoring answers: special-category data (Data Protection Act 2018 Schedule 1
/// paragraph 8), stored apart from the application in its own table. The application has no navigation to it, so
/// nothing a reviewer or a decision-maker loads can include it; only the aggregate figures read it, and every read is
/// audited. Every question may be left unanswered (null) or answered "prefer not to say".
/// </summary>
public class AspirantEqualityMonitoring
{
    public int Id { get; set; }

    /// <summary>The application's key (<see cref="AspirantApplication.Id"/>); one row per application.</summary>
    public int ApplicationKey { get; set; }
    public int CohortId { get; set; }

    /// <summary>A code of <see cref="Core.Equality.Ethnicity.Groups"/>, as at <c>/my/equality</c>; null when not given.</summary>
    public string? EthnicityCode { get; set; }
    public bool EthnicityPreferNotToSay { get; set; }
    public MonitoringSex? Sex { get; set; }

    /// <summary>Is the gender they identify with the same as their sex registered at birth.</summary>
    public YesNoPreferNot? GenderSameAsAtBirth { get; set; }
    public SexualOrientation? SexualOrientation { get; set; }

    /// <summary>GSS disability question 1: a physical or mental health condition or illness lasting or expected to last 12 months or more.</summary>
    public YesNoPreferNot? LongTermCondition { get; set; }

    /// <summary>GSS disability question 2, asked when the first is yes.</summary>
    public ActivitiesReduced? ActivitiesReduced { get; set; }

    /// <summary>
    /// Disabled in the Equality Act's sense as the two questions give it (a condition that reduces activities a lot or
    /// a little), or as an imported record states it directly.
    /// </summary>
    public YesNoPreferNot? Disabled { get; set; }
    public Religion? Religion { get; set; }
    public AgeBand? AgeBand { get; set; }
    public Instant UpdatedAt { get; set; }

    /// <summary>The Equality Act reading of the two GSS disability questions.</summary>
    public static YesNoPreferNot? DisabledFrom(YesNoPreferNot? condition, ActivitiesReduced? reduced) => condition switch
    {
        null => null,
        YesNoPreferNot.No => YesNoPreferNot.No,
        YesNoPreferNot.PreferNotToSay => YesNoPreferNot.PreferNotToSay,
        _ => reduced switch
        {
            Aspirants.ActivitiesReduced.ALot or Aspirants.ActivitiesReduced.ALittle => YesNoPreferNot.Yes,
            Aspirants.ActivitiesReduced.NotAtAll => YesNoPreferNot.No,
            Aspirants.ActivitiesReduced.PreferNotToSay => YesNoPreferNot.PreferNotToSay,
            _ => null,
        },
    };
}
