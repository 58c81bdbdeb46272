using HoneyHive.Kiota.Filters;
using HoneyHive.Kiota.Models;
using HoneyHive.Kiota.Pagination;

namespace HoneyHive.Cli.Cli;

/// <summary>Builds an <see cref="EventQuery"/> from the list/export flags.</summary>
internal static class QueryArguments
{
    public static EventQuery Read(ParsedArguments args, bool allowProjections)
    {
        var project = args.Single("--project");
        if (string.IsNullOrWhiteSpace(project))
        {
            throw new UsageException("--project is required");
        }

        var query = new EventQuery(project)
        {
            Filters = args.All("--filter").Select(EventFilters.Parse).ToList(),
            DateRange = DateRangeOf(TimeArgument.Parse("--from", args.Single("--from")), TimeArgument.Parse("--to", args.Single("--to"))),
        };
        if (args.PositiveInt("--page-size", EventQuery.MaxPageSize) is { } pageSize)
        {
            query.PageSize = pageSize;
        }

        if (args.PositiveInt("--max") is { } max)
        {
            query.MaxEvents = max;
        }

        if (args.PositiveInt("--parallel", EventQuery.MaxMaxConcurrency) is { } parallel)
        {
            query.MaxConcurrency = parallel;
        }

        if (args.All("--projection") is { Count: > 0 } projections)
        {
            query.Projections = allowProjections
                ? projections.ToList()
                : throw new UsageException("--projection is export-only (GET /events returns whole events): use hh events export");
        }

        return query;
    }

    private static DateRange? DateRangeOf(DateTimeOffset? from, DateTimeOffset? to) => (from, to) switch
    {
        ({ } f, { } t) when f > t => throw new UsageException("--from must not be later than --to"),
        ({ } f, { } t) => DateRanges.Between(f, t),
        ({ } f, null) => DateRanges.Since(f),
        (null, { } t) => DateRanges.Until(t),
        _ => null,
    };
}
