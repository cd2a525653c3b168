using System.Text;
using Scheduling.Stores;
using Scheduling.Testing;

namespace Scheduling.Tests.Stores;

/// <summary>Ids order by code point, which is the order of their UTF-8 bytes (<see cref="IdOrder"/>).</summary>
public sealed class IdOrderTest
{
    private static readonly string[] Pieces = ["a", "B", "z", "_", "0", "é", "\uD7FF", "\uE000", "\uFFFD", "\uFFFF", "\U00010000", "\U0001F600", "\U0010FFFF", "日本"];

    [Fact]
    public void A_character_beyond_the_basic_plane_comes_after_the_private_use_area()
    {
        IdOrder.Compare("\U0001F600", "\uE000").Should().BePositive();
        string.CompareOrdinal("\U0001F600", "\uE000").Should().BeNegative("UTF-16 ordinal order is not code point order");
    }

    [Fact]
    public void A_prefix_comes_first() => IdOrder.Compare("yoga", "yoga_1").Should().BeNegative();

    [Fact]
    public void Equal_texts_compare_equal() => IdOrder.Compare("\U0001F600b", "\U0001F600b").Should().Be(0);

    [Fact]
    public void Order_is_the_order_of_the_utf8_bytes()
    {
        var random = PropertyRuns.RandomSource(salt: 73);
        for (var i = 0; i < PropertyRuns.Cases(5_000); i++)
        {
            var left = Text(random);
            var right = Text(random);

            var bytes = Encoding.UTF8.GetBytes(left).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(right));

            Math.Sign(IdOrder.Compare(left, right)).Should().Be(Math.Sign(bytes), "comparing \"{0}\" with \"{1}\"", left, right);
            Math.Sign(IdOrder.Comparer.Compare(left, right)).Should().Be(Math.Sign(bytes));
        }
    }

    [Fact]
    public void Comparer_puts_null_first() =>
        new[] { "b", null, "a" }.Order(IdOrder.Comparer).Should().Equal(null, "a", "b");

    private static string Text(Random random)
    {
        var text = new StringBuilder();
        for (var count = random.Next(0, 4); count > 0; count--)
        {
            text.Append(Pieces[random.Next(Pieces.Length)]);
        }

        return text.ToString();
    }
}
