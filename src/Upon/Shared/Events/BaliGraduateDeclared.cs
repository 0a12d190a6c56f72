using NodaTime;

namespace Upon.Shared.Events;

/// <summary>
/// Raised by Aspirants, inside the submitting transaction, when an applicant who declared themselves a graduate of the
/// Black and Asian Leadership Initiative submits their application; Impact, which keeps the graduates, records them.
/// It lives here so that neither feature depends on the other.
/// </summary>
public sealed record BaliGraduateDeclared(string Email, string GivenName, string FamilyName, Instant DeclaredAt);
