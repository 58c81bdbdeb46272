using System.Globalization;
using HoneyHive.Kiota.Models;
using HoneyHive.Kiota.Serialization;

namespace HoneyHive.Kiota.Pagination;

/// <summary>
/// Identifies what a read selects — endpoint, project, filters, lower time bound, projections — so a saved
/// <see cref="EventReadPosition"/> is not continued with another query. 64-bit FNV-1a over the parts' UTF-16 code units:
/// stable across processes and versions (string.GetHashCode is not), and no cryptography to link in; a
/// check against mistakes, not against forgery.
/// </summary>
internal static class QueryFingerprint
{
    public static string Of(bool export, string project, IReadOnlyList<EventFilter> filters, DateTimeOffset? gte, IReadOnlyList<string>? projections)
    {
        var hash = Add(OffsetBasis, export ? "export" : "get");
        hash = Add(hash, project);
        hash = Add(hash, QueryJson.Serialize(filters));
        hash = Add(hash, gte is { } from ? from.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) : "-");
        foreach (var projection in projections ?? [])
        {
            hash = Add(hash, projection);
        }

        return hash.ToString("x16", CultureInfo.InvariantCulture);
    }

    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    // Each part's UTF-16 code units, then a separator no part holds: ("ab", "c") and ("a", "bc") differ.
    private static ulong Add(ulong hash, string part)
    {
        foreach (var c in part)
        {
            hash = (hash ^ (c & 0xFFu)) * Prime;
            hash = (hash ^ (uint)(c >> 8)) * Prime;
        }

        return (hash ^ 0xFFFFu) * Prime;
    }
}
