namespace Upon.Participants.Pages.Equality;

/// <summary>The words pages use for the equality answers.</summary>
public static class EqualityChoices
{
    public const string PreferNotToSay = "prefer-not-to-say";

    public static string Label(Sex sex) => sex switch
    {
        Sex.Female => "Female",
        Sex.Male => "Male",
        _ => "Prefer not to say",
    };

    public static string Label(Disability disability) => disability switch
    {
        Disability.Yes => "Yes",
        Disability.No => "No",
        _ => "Prefer not to say",
    };

    public static string Ethnicity(string? code) =>
        Core.Equality.Ethnicity.TryFind(code, out var group) ? $"{group.Major}: {group.Minor}" : "Prefer not to say";
}
