using Scheduling.Sessions;
using Scheduling.Workspaces;

namespace Scheduling.Tests.Workspaces;

/// <summary>The custom fields a workspace defines: validated when built, so a definition is always usable.</summary>
public sealed class FieldDefinitionTest
{
    [Fact]
    public void A_field_keeps_its_id_label_and_kind_and_is_optional_unless_said()
    {
        var field = new FieldDefinition("referral-date", "Referral date", FieldKind.Date);

        field.Id.Should().Be("referral-date");
        field.Label.Should().Be("Referral date");
        field.Kind.Should().Be(FieldKind.Date);
        field.Choices.Should().BeEmpty();
        field.IsRequired.Should().BeFalse();
    }

    [Fact]
    public void A_field_can_be_required()
    {
        new FieldDefinition("notes", "Notes", FieldKind.Text) { IsRequired = true }.IsRequired.Should().BeTrue();
    }

    [Fact]
    public void A_choice_field_keeps_its_choices_in_order()
    {
        var field = new FieldDefinition("room", "Room", FieldKind.Choice, ["B", "A", "C"]);

        field.Choices.Should().Equal("B", "A", "C");
    }

    [Fact]
    public void A_choice_field_does_not_see_later_changes_to_the_list_it_was_given()
    {
        var choices = new List<string> { "A", "B" };
        var field = new FieldDefinition("room", "Room", FieldKind.Choice, choices);

        choices.Add("C");

        field.Choices.Should().Equal("A", "B");
    }

    [Theory]
    [InlineData(FieldKind.Text)]
    [InlineData(FieldKind.Number)]
    [InlineData(FieldKind.Boolean)]
    [InlineData(FieldKind.Date)]
    public void A_field_that_is_not_a_choice_may_be_given_an_empty_list_of_choices(FieldKind kind)
    {
        new FieldDefinition("f", "F", kind, []).Choices.Should().BeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_field_needs_an_id(string id)
    {
        var create = () => new FieldDefinition(id, "Label", FieldKind.Text);

        create.Should().Throw<SchedulingException>().Where(e => e.Code == SchedulingErrorCode.InvalidArgument).Which.Field.Should().Be("id");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_field_needs_a_label(string label)
    {
        var create = () => new FieldDefinition("f", label, FieldKind.Text);

        create.Should().Throw<SchedulingException>().Where(e => e.Code == SchedulingErrorCode.InvalidArgument).Which.Field.Should().Be("label");
    }

    [Fact]
    public void A_field_needs_a_defined_kind()
    {
        var create = () => new FieldDefinition("f", "F", (FieldKind)99);

        create.Should().Throw<SchedulingException>().Where(e => e.Code == SchedulingErrorCode.InvalidArgument).Which.Field.Should().Be("kind");
    }

    [Fact]
    public void A_choice_field_without_choices_is_refused()
    {
        var create = () => new FieldDefinition("room", "Room", FieldKind.Choice);

        create.Should().Throw<SchedulingException>().Where(e => e.Code == SchedulingErrorCode.InvalidArgument).Which.Field.Should().Be("choices");
    }

    [Fact]
    public void A_choice_field_with_an_empty_list_of_choices_is_refused()
    {
        var create = () => new FieldDefinition("room", "Room", FieldKind.Choice, []);

        create.Should().Throw<SchedulingException>().Where(e => e.Code == SchedulingErrorCode.InvalidArgument).Which.Field.Should().Be("choices");
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void A_choice_field_offering_an_empty_choice_is_refused(string blank)
    {
        var create = () => new FieldDefinition("room", "Room", FieldKind.Choice, ["A", blank]);

        create.Should().Throw<SchedulingException>().Where(e => e.Code == SchedulingErrorCode.InvalidArgument).Which.Field.Should().Be("choices");
    }

    [Fact]
    public void A_choice_field_offering_the_same_choice_twice_is_refused()
    {
        var create = () => new FieldDefinition("room", "Room", FieldKind.Choice, ["A", "B", "A"]);

        create.Should().Throw<SchedulingException>().Where(e => e.Code == SchedulingErrorCode.InvalidArgument).Which.Field.Should().Be("choices");
    }

    [Fact]
    public void Choices_differing_only_in_case_are_distinct_choices()
    {
        new FieldDefinition("room", "Room", FieldKind.Choice, ["a", "A"]).Choices.Should().Equal("a", "A");
    }

    [Theory]
    [InlineData(FieldKind.Text)]
    [InlineData(FieldKind.Number)]
    [InlineData(FieldKind.Boolean)]
    [InlineData(FieldKind.Date)]
    public void A_field_that_is_not_a_choice_offering_choices_is_refused(FieldKind kind)
    {
        var create = () => new FieldDefinition("f", "F", kind, ["A"]);

        create.Should().Throw<SchedulingException>().Where(e => e.Code == SchedulingErrorCode.InvalidArgument).Which.Field.Should().Be("choices");
    }
}
