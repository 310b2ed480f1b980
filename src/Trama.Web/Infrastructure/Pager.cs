namespace Trama.Web.Infrastructure;

/// A previous/next pager for a long list: the page that lists, the links' query for each page
/// number, and the list's own words (already localised) for the landmark and the two links.
public sealed record Pager(string PageName, string TestId, string Label, string Previous, string Next, int Page, int Pages, Func<int, IDictionary<string, string?>> RouteFor)
{
    /// How many pages a list of this many rows fills; an empty list is one empty page.
    public static int PagesFor(int total, int pageSize) => Math.Max(1, (total + pageSize - 1) / pageSize);
}
