namespace Upon.Core.Aspirants;

/// <summary>
/// The relative likelihood of White applicants reaching a stage compared with global majority applicants, in the form
/// of the NHS Workforce Race Equality Standard's indicator 2: (White at the stage / White applied) / (global majority
/// at the stage / global majority applied). 1 means equally likely; above 1, White applicants are more likely. Those
/// who preferred not to say or gave no answer are left out. Likewise for any two groups (sex, disability).
/// </summary>
public static class RelativeLikelihood
{
    /// <summary>
    /// (a at the stage / a applied) / (b at the stage / b applied); null when it is undefined: nobody of either group
    /// applied, or nobody of group b reached the stage.
    /// </summary>
    public static double? Of(int aAtStage, int aApplied, int bAtStage, int bApplied)
    {
        if (aApplied <= 0 || bApplied <= 0 || bAtStage <= 0)
        {
            return null;
        }
        return ((double)aAtStage / aApplied) / ((double)bAtStage / bApplied);
    }
}
