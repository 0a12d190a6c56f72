namespace Upon.Core.Aspirants;

/// <summary>
/// How an answer's words are counted against a question's word limit: a word is a run of characters that are not
/// white space, so "children's", "well-being" and "2027-28" are one word each, and spaces or line breaks never count.
/// </summary>
public static class WordCount
{
    /// <summary>The number of words in <paramref name="text"/> (0 for null or blank).</summary>
    public static int Of(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                inWord = false;
            }
            else if (!inWord)
            {
                inWord = true;
                count++;
            }
        }
        return count;
    }
}
