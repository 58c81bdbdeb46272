namespace HoneyHive.ColdStart;

/// <summary>Order statistics over a small sample of timings.</summary>
internal static class Percentiles
{
    /// <summary>The q-quantile (0..1) with linear interpolation between closest ranks (R type 7, Excel PERCENTILE.INC).</summary>
    public static double Quantile(IReadOnlyList<double> values, double q)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        var position = q * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
    }

    public static double Median(IReadOnlyList<double> values) => Quantile(values, 0.5);
    public static double P90(IReadOnlyList<double> values) => Quantile(values, 0.9);
}
