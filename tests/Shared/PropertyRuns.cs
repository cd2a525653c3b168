using FsCheck;
using Microsoft.FSharp.Core;

namespace Scheduling.Testing;

/// <summary>
/// The settings every property-based and fuzz test shares: a fixed seed and a number of cases small enough for CI
/// (every such test project stays well under a minute). <c>SCHEDULING_PROPERTY_CASES</c> multiplies the number of
/// cases (for a long run by hand) and <c>SCHEDULING_PROPERTY_SEED</c> replaces the seed.
/// </summary>
internal static class PropertyRuns
{
    /// <summary>The seed used when <c>SCHEDULING_PROPERTY_SEED</c> is not set.</summary>
    public const ulong DefaultSeed = 20_261_202;

    /// <summary>Gets the seed of this run.</summary>
    public static ulong Seed { get; } =
        ulong.TryParse(Environment.GetEnvironmentVariable("SCHEDULING_PROPERTY_SEED"), out var seed) ? seed : DefaultSeed;

    /// <summary>Gets how many times the CI number of cases this run generates (1 unless <c>SCHEDULING_PROPERTY_CASES</c> says more).</summary>
    public static int Multiplier { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("SCHEDULING_PROPERTY_CASES"), out var multiplier) && multiplier > 0 ? multiplier : 1;

    /// <summary>The number of cases to generate for a property that runs <paramref name="inCi"/> cases in CI.</summary>
    public static int Cases(int inCi) => checked(inCi * Multiplier);

    /// <summary>An FsCheck configuration that throws on failure, replays this run's seed and runs <see cref="Cases"/> cases.</summary>
    public static Config Config(int inCi) => FsCheck.Config.QuickThrowOnFailure
        .WithMaxTest(Cases(inCi))
        .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(Seed), FSharpOption<int>.None)));

    /// <summary>
    /// A salt for <see cref="RandomSource"/> from a name (a test case's type name, say) that is the same in every run:
    /// <see cref="string.GetHashCode()"/> is randomised per process, so a seed made from it would change between runs.
    /// </summary>
    public static int SaltOf(string name)
    {
        // FNV-1a over the UTF-16 code units.
        var hash = 2_166_136_261u;
        foreach (var unit in name)
        {
            hash = unchecked((hash ^ unit) * 16_777_619u);
        }

        return unchecked((int)hash);
    }

    /// <summary>A seeded random source for hand-written generators and mutators; <paramref name="salt"/> keeps tests apart.</summary>
    public static Random RandomSource(int salt) => new(unchecked((int)Seed ^ (salt * 486_187_739)));
}
