namespace Upon.Sessions.Pages.Shared;

/// <summary>A GOV.UK textarea with a character count; the name is also its id and model state key.</summary>
public sealed record TextareaField(string Name, string Label, string? Hint, string? Value, int MaxLength, int Rows = 5);

/// <summary>A single GOV.UK checkbox posting <c>true</c> when ticked.</summary>
public sealed record CheckboxField(string Name, string Label, string? Hint, bool Checked);

/// <summary>The warnings shown before saving a session, and the value that confirms them.</summary>
public sealed record WarningsView(IReadOnlyList<SessionWarning> Warnings, string Action);
