using System.Numerics;
using System.Runtime.CompilerServices;

namespace Scheduling.Recurrence.Expansion;

/// <summary>
/// A set of up to 384 days of one period (a year has at most 366): bit <c>i</c> stands for the period's i-th day.
/// An inline struct, so building and reading a period's candidate days allocates nothing.
/// </summary>
[InlineArray(Words)]
internal struct DayMask
{
    public const int Words = 6;

    private ulong _word;

    /// <summary>True when none of the first <paramref name="words"/> words has a bit set.</summary>
    public readonly bool IsEmpty(int words = Words)
    {
        for (var i = 0; i < words; i++)
        {
            if (this[i] != 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Clears the first <paramref name="words"/> words.</summary>
    public void Clear(int words = Words)
    {
        for (var i = 0; i < words; i++)
        {
            this[i] = 0;
        }
    }

    public void Set(int bit) => this[bit >> 6] |= 1UL << (bit & 63);

    public readonly bool Contains(int bit) => (this[bit >> 6] & (1UL << (bit & 63))) != 0;

    /// <summary>Sets the bits <c>[start, start + length)</c>.</summary>
    public void SetRange(int start, int length)
    {
        for (var bit = start; bit < start + length; bit++)
        {
            Set(bit);
        }
    }

    /// <summary>Ors in up to 32 bits, bit 0 of <paramref name="bits"/> landing on <paramref name="offset"/>.</summary>
    public void OrAt(int offset, uint bits)
    {
        var word = offset >> 6;
        var shift = offset & 63;
        this[word] |= (ulong)bits << shift;
        if (shift > 32 && word + 1 < Words)
        {
            this[word + 1] |= (ulong)bits >> (64 - shift);
        }
    }

    public void IntersectWith(in DayMask other)
    {
        for (var i = 0; i < Words; i++)
        {
            this[i] &= other[i];
        }
    }

    public readonly int Count(int words = Words)
    {
        var count = 0;
        for (var i = 0; i < words; i++)
        {
            count += BitOperations.PopCount(this[i]);
        }

        return count;
    }

    /// <summary>How many bits after <paramref name="bit"/> are set within the first <paramref name="words"/> words.</summary>
    public readonly int CountAfter(int bit, int words = Words)
    {
        var count = 0;
        for (var word = (bit + 1) >> 6; word < words; word++)
        {
            var bits = this[word];
            if (word == (bit + 1) >> 6)
            {
                bits &= ~0UL << ((bit + 1) & 63);
            }

            count += BitOperations.PopCount(bits);
        }

        return count;
    }

    /// <summary>The first set bit at or after <paramref name="from"/> within the first <paramref name="words"/> words, or -1.</summary>
    public readonly int NextSetBit(int from, int words = Words)
    {
        for (var word = from >> 6; word < words; word++)
        {
            var bits = this[word];
            if (word == from >> 6)
            {
                bits &= ~0UL << (from & 63);
            }

            if (bits != 0)
            {
                return (word << 6) + BitOperations.TrailingZeroCount(bits);
            }
        }

        return -1;
    }

    /// <summary>The position of the <paramref name="ordinal"/>-th set bit (zero-based); the caller knows it exists.</summary>
    public readonly int Select(int ordinal)
    {
        for (var word = 0; word < Words; word++)
        {
            var bits = this[word];
            var inWord = BitOperations.PopCount(bits);
            if (ordinal >= inWord)
            {
                ordinal -= inWord;
                continue;
            }

            for (; ordinal > 0; ordinal--)
            {
                bits &= bits - 1;
            }

            return (word << 6) + BitOperations.TrailingZeroCount(bits);
        }

        return -1;
    }
}
