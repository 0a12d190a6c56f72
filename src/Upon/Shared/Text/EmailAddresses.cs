using MimeKit;

namespace Upon.Shared.Text;

/// <summary>
/// The one check of an email address that every form, import and command uses: MimeKit's parser in strict mode reads it
/// as a single bare address (no display name, no group) with one <c>@</c>, a dotted domain, no spaces and at most
/// <see cref="MaxLength"/> characters.
/// </summary>
public static class EmailAddresses
{
    /// <summary>The longest address accepted (RFC 3696 with the erratum: 64 + 1 + 255).</summary>
    public const int MaxLength = 320;

    private static readonly ParserOptions Strict = new()
    {
        AddressParserComplianceMode = RfcComplianceMode.Strict,
        AllowAddressesWithoutDomain = false,
        AllowUnquotedCommasInAddresses = false,
    };

    /// <summary>Whether <paramref name="text"/>, exactly as given, is one deliverable-looking address.</summary>
    public static bool IsValid(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength || text.Any(char.IsWhiteSpace) || text.Count(c => c == '@') != 1)
        {
            return false;
        }
        return MailboxAddress.TryParse(Strict, text, out var mailbox)
            && string.IsNullOrEmpty(mailbox.Name)
            && mailbox.Address == text
            && mailbox.LocalPart.Length > 0
            && mailbox.Domain.IndexOf('.', StringComparison.Ordinal) > 0
            && !mailbox.Domain.EndsWith('.');
    }
}
