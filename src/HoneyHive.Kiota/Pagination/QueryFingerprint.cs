using System.Globalization;
using System.Text;
using HoneyHive.Kiota.Models;
using HoneyHive.Kiota.Serialization;

namespace HoneyHive.Kiota.Pagination;

/// <summary>
/// Identifies what a read selects — endpoint, project, filters, lower time bound, projections — so a saved
/// <see cref="EventReadPosition"/> is not continued with another query. 64-bit FNV-1a over a canonical text:
/// stable across processes and versions (string.GetHashCode is not), and no cryptography to link in; a
/// check against mistakes, not against forgery.
/// </summary>
internal static class QueryFingerprint
{
    public static string Of(bool export, string project, IReadOnlyList<EventFilter> filters, DateTimeOffset? gte, IReadOnlyList<string>? projections)
    {
        var text = new StringBuilder()
            .Append(export ? "export" : "get").Append('\n')
            .Append(project).Append('\n')
            .Append(QueryJson.Serialize(filters)).Append('\n')
            .Append(gte is { } from ? from.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) : "-").Append('\n')
            .AppendJoin('\u001f', projections ?? [])
            .ToString();

        const ulong offsetBasis = 14695981039346656037;
        const ulong prime = 1099511628211;
        var hash = offsetBasis;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * prime;
        }

        return hash.ToString("x16", CultureInfo.InvariantCulture);
    }
}
