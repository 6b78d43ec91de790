namespace C2C.Analytics.Pipeline.Sample;

/// <summary>
/// A seeded random stream with the draws the sample needs. Each part of the sample (world, lifecycle, tracker) has its
/// own stream derived from the seed, so changing one part does not reshuffle the others. <see cref="Random"/> with a
/// seed is the same sequence on every platform and .NET version (its seeded algorithm is frozen for compatibility).
/// </summary>
internal sealed class SampleRandom(int seed, int stream)
{
    private readonly Random _random = new(Mix(seed, stream));

    public int Next(int maxExclusive) => _random.Next(maxExclusive);

    public int Next(int minInclusive, int maxExclusive) => _random.Next(minInclusive, maxExclusive);

    public long NextLong(long minInclusive, long maxExclusive) => _random.NextInt64(minInclusive, maxExclusive);

    public double NextDouble() => _random.NextDouble();

    public bool Chance(double probability) => _random.NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>A standard normal draw (Box–Muller).</summary>
    public double Normal()
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A log-normal draw with the given median and spread, clamped to [min, max].</summary>
    public double LogNormal(double median, double sigma, double min, double max) =>
        Math.Clamp(median * Math.Exp(sigma * Normal()), min, max);

    /// <summary>An index drawn by weight.</summary>
    public int Weighted(IReadOnlyList<double> weights)
    {
        var total = 0.0;
        foreach (var weight in weights)
        {
            total += weight;
        }

        var draw = _random.NextDouble() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            draw -= weights[i];
            if (draw < 0)
            {
                return i;
            }
        }

        return weights.Count - 1;
    }

    /// <summary>A time of day in office hours (08:00–19:59), whole seconds.</summary>
    public TimeSpan OfficeTime() => TimeSpan.FromSeconds(_random.Next(8 * 3600, 20 * 3600));

    /// <summary>SplitMix64 finaliser over (seed, stream): unrelated streams even for neighbouring seeds.</summary>
    private static int Mix(int seed, int stream)
    {
        var z = ((ulong)(uint)seed << 32 | (uint)stream) + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (int)(z & 0x7FFFFFFF);
    }
}
