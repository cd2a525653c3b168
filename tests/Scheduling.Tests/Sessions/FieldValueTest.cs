using System.Globalization;
using Scheduling.Sessions;

namespace Scheduling.Tests.Sessions;

/// <summary>Custom field values: built only through factories that set exactly the one value their kind says.</summary>
public sealed class FieldValueTest
{
    [Fact]
    public void A_text_value_holds_text_only()
    {
        var value = FieldValue.OfText("summary", "Knee pain");

        value.FieldId.Should().Be("summary");
        value.Kind.Should().Be(FieldKind.Text);
        value.Text.Should().Be("Knee pain");
        value.Number.Should().BeNull();
        value.Boolean.Should().BeNull();
        value.Date.Should().BeNull();
    }

    [Fact]
    public void A_text_value_may_be_empty()
    {
        FieldValue.OfText("summary", "").Text.Should().BeEmpty();
    }

    [Fact]
    public void A_text_value_may_not_be_null()
    {
        var create = () => FieldValue.OfText("summary", null!);

        create.Should().Throw<SchedulingException>().Where(e => e.Code == SchedulingErrorCode.InvalidArgument).Which.Field.Should().Be("text");
    }

    [Fact]
    public void A_number_value_holds_a_number_only()
    {
        var value = FieldValue.OfNumber("fee", 80.5m);

        value.Kind.Should().Be(FieldKind.Number);
        value.Number.Should().Be(80.5m);
        value.Text.Should().BeNull();
        value.Boolean.Should().BeNull();
        value.Date.Should().BeNull();
    }

    [Fact]
    public void A_boolean_value_holds_a_flag_only()
    {
        var value = FieldValue.OfBoolean("insured", false);

        value.Kind.Should().Be(FieldKind.Boolean);
        value.Boolean.Should().BeFalse();
        value.Text.Should().BeNull();
        value.Number.Should().BeNull();
        value.Date.Should().BeNull();
    }

    [Fact]
    public void A_date_value_holds_a_date_only()
    {
        var value = FieldValue.OfDate("referral-date", new LocalDate(2025, 3, 1));

        value.Kind.Should().Be(FieldKind.Date);
        value.Date.Should().Be(new LocalDate(2025, 3, 1));
        value.Text.Should().BeNull();
        value.Number.Should().BeNull();
        value.Boolean.Should().BeNull();
    }

    [Fact]
    public void A_choice_value_holds_its_choice_as_text()
    {
        var value = FieldValue.OfChoice("room", "B");

        value.Kind.Should().Be(FieldKind.Choice);
        value.Text.Should().Be("B");
        value.Number.Should().BeNull();
        value.Boolean.Should().BeNull();
        value.Date.Should().BeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_choice_may_not_be_empty(string choice)
    {
        var create = () => FieldValue.OfChoice("room", choice);

        create.Should().Throw<SchedulingException>().Where(e => e.Code == SchedulingErrorCode.InvalidArgument).Which.Field.Should().Be("choice");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Every_factory_needs_the_id_of_the_field(string fieldId)
    {
        var factories = new Func<FieldValue>[]
        {
            () => FieldValue.OfText(fieldId, "a"),
            () => FieldValue.OfNumber(fieldId, 1),
            () => FieldValue.OfBoolean(fieldId, true),
            () => FieldValue.OfDate(fieldId, new LocalDate(2025, 3, 1)),
            () => FieldValue.OfChoice(fieldId, "a"),
        };

        foreach (var create in factories)
        {
            create.Should().Throw<SchedulingException>().Where(e => e.Code == SchedulingErrorCode.InvalidArgument).Which.Field.Should().Be("fieldId");
        }
    }

    [Fact]
    public void Values_with_the_same_field_kind_and_value_are_equal()
    {
        FieldValue.OfNumber("fee", 80.5m).Should().Be(FieldValue.OfNumber("fee", 80.5m));
        FieldValue.OfDate("d", new LocalDate(2025, 3, 1)).Should().Be(FieldValue.OfDate("d", new LocalDate(2025, 3, 1)));
    }

    [Fact]
    public void A_text_and_a_choice_with_the_same_text_are_not_equal()
    {
        FieldValue.OfText("room", "A").Should().NotBe(FieldValue.OfChoice("room", "A"));
    }

    [Fact]
    public void Values_of_different_fields_are_not_equal()
    {
        FieldValue.OfBoolean("insured", true).Should().NotBe(FieldValue.OfBoolean("paid", true));
    }

    [Fact]
    public void Text_shows_the_field_and_the_value()
    {
        FieldValue.OfDate("referral-date", new LocalDate(2025, 3, 1)).ToString().Should().Be("referral-date = 2025-03-01");
        FieldValue.OfBoolean("insured", true).ToString().Should().Be("insured = true");
        FieldValue.OfChoice("room", "B").ToString().Should().Be("room = B");
        FieldValue.OfText("summary", "Knee pain").ToString().Should().Be("summary = Knee pain");
    }

    [Fact]
    public void Text_shows_a_number_in_the_invariant_culture()
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            FieldValue.OfNumber("fee", 80.5m).ToString().Should().Be("fee = 80.5");
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
