using System.Globalization;

namespace Upon.Feedback.Pages.Admin;

/// <summary>Addresses of the staff pages for reported problems.</summary>
public static class ProblemPages
{
    public static string ListUrl(ProblemStatus? status = null) => status is { } s ? $"/admin/problems?status={s.Slug()}" : "/admin/problems";

    public static string Url(int id) => $"/admin/problems/{id.ToString(CultureInfo.InvariantCulture)}";
}
