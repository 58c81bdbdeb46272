namespace HoneyHive.Kiota.Pagination;

/// <summary>
/// A page as fetched, with when its request started and its answer arrived on the read's own clock (a
/// counter): a page started after the previous page's answer arrived saw the server no earlier than it.
/// </summary>
internal sealed record FetchedPage(PageBody? Body, long Started, long Completed);
