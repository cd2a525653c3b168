using Scheduling.Sessions;
using Scheduling.Workspaces;

namespace Scheduling.Tests.Workspaces;

/// <summary>
/// A workspace as the host describes it, and the check of a session's field values against its definitions: every
/// refusal is an invalid argument naming <c>fieldValues.{fieldId}</c>.
/// </summary>
public sealed class WorkspaceTest
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    private static readonly Workspace Clinic = new("clinic", NewYork,
    [
        new FieldDefinition("referral-date", "Referral date", FieldKind.Date) { IsRequired = true },
        new FieldDefinition("room", "Room", FieldKind.Choice, ["A", "B"]),
        new FieldDefinition("summary", "Summary", FieldKind.Text),
        new FieldDefinition("fee", "Fee", FieldKind.Number),
        new FieldDefinition("insured", "Insured", FieldKind.Boolean),
    ]);

    private static readonly FieldValue Referral = FieldValue.OfDate("referral-date", new LocalDate(2025, 3, 1));

    [Fact]
    public void A_workspace_keeps_its_id_zone_and_fields()
    {
        Clinic.Id.Should().Be("clinic");
        Clinic.Zone.Should().BeSameAs(NewYork);
        Clinic.FieldDefinitions.Select(d => d.Id).Should().Equal("referral-date", "room", "summary", "fee", "insured");
        Clinic.Name.Should().BeNull();
    }

    [Fact]
    public void A_workspace_without_field_definitions_has_none()
    {
        new Workspace("w", NewYork).FieldDefinitions.Should().BeEmpty();
    }

    [Fact]
    public void A_workspace_can_have_a_name()
    {
        new Workspace("w", NewYork) { Name = "Riverside Clinic" }.Name.Should().Be("Riverside Clinic");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_workspace_needs_an_id(string id)
    {
        var create = () => new Workspace(id, NewYork);

        create.Should().Throw<SchedulingException>().Where(e => e.Code == SchedulingErrorCode.InvalidArgument).Which.Field.Should().Be("id");
    }

    [Fact]
    public void A_workspace_needs_a_zone()
    {
        var create = () => new Workspace("w", null!);

        create.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("zone");
    }

    [Fact]
    public void A_null_field_definition_is_refused()
    {
        var create = () => new Workspace("w", NewYork, [new FieldDefinition("a", "A", FieldKind.Text), null!]);

        create.Should().Throw<SchedulingException>().Where(e => e.Code == SchedulingErrorCode.InvalidArgument).Which.Field.Should().Be("fieldDefinitions");
    }

    [Fact]
    public void Two_fields_with_one_id_are_refused()
    {
        var create = () => new Workspace("w", NewYork, [new FieldDefinition("a", "A", FieldKind.Text), new FieldDefinition("a", "Another", FieldKind.Number)]);

        create.Should().Throw<SchedulingException>().Where(e => e.Code == SchedulingErrorCode.InvalidArgument).Which.Field.Should().Be("fieldDefinitions");
    }

    [Fact]
    public void FindField_returns_the_definition_with_that_id()
    {
        Clinic.FindField("room")!.Label.Should().Be("Room");
    }

    [Fact]
    public void FindField_returns_null_for_an_id_the_workspace_does_not_define()
    {
        Clinic.FindField("Room").Should().BeNull();
        Clinic.FindField("colour").Should().BeNull();
    }

    [Fact]
    public void Values_of_every_kind_that_fit_their_fields_pass()
    {
        var check = () => Clinic.CheckFieldValues(
        [
            Referral,
            FieldValue.OfChoice("room", "B"),
            FieldValue.OfText("summary", ""),
            FieldValue.OfNumber("fee", 80.5m),
            FieldValue.OfBoolean("insured", false),
        ]);

        check.Should().NotThrow();
    }

    [Fact]
    public void The_required_field_alone_passes()
    {
        var check = () => Clinic.CheckFieldValues([Referral]);

        check.Should().NotThrow();
    }

    [Fact]
    public void No_values_pass_when_no_field_is_required()
    {
        var check = () => new Workspace("w", NewYork, [new FieldDefinition("a", "A", FieldKind.Text)]).CheckFieldValues([]);

        check.Should().NotThrow();
    }

    [Fact]
    public void A_value_for_a_field_the_workspace_does_not_define_is_refused()
    {
        ShouldRefuse([Referral, FieldValue.OfText("colour", "blue")], "fieldValues.colour");
    }

    [Fact]
    public void A_value_of_the_wrong_kind_is_refused()
    {
        ShouldRefuse([Referral, FieldValue.OfText("fee", "80")], "fieldValues.fee");
    }

    [Fact]
    public void A_choice_value_for_a_text_field_is_of_the_wrong_kind()
    {
        ShouldRefuse([Referral, FieldValue.OfChoice("summary", "A")], "fieldValues.summary");
    }

    [Fact]
    public void A_text_value_for_a_choice_field_is_of_the_wrong_kind_even_when_it_is_one_of_the_choices()
    {
        ShouldRefuse([Referral, FieldValue.OfText("room", "A")], "fieldValues.room");
    }

    [Fact]
    public void A_choice_the_field_does_not_offer_is_refused()
    {
        ShouldRefuse([Referral, FieldValue.OfChoice("room", "C")], "fieldValues.room");
    }

    [Fact]
    public void Choices_are_compared_exactly()
    {
        ShouldRefuse([Referral, FieldValue.OfChoice("room", "a")], "fieldValues.room");
    }

    [Fact]
    public void Two_values_for_one_field_are_refused_even_when_they_are_equal()
    {
        ShouldRefuse([Referral, FieldValue.OfChoice("room", "A"), FieldValue.OfChoice("room", "A")], "fieldValues.room");
    }

    [Fact]
    public void A_missing_required_field_is_refused()
    {
        ShouldRefuse([FieldValue.OfChoice("room", "A")], "fieldValues.referral-date");
    }

    [Fact]
    public void No_values_at_all_miss_the_required_field()
    {
        ShouldRefuse([], "fieldValues.referral-date");
    }

    [Fact]
    public void The_first_value_at_fault_is_the_one_named()
    {
        ShouldRefuse([FieldValue.OfText("colour", "blue"), FieldValue.OfChoice("room", "C")], "fieldValues.colour");
    }

    [Fact]
    public void A_null_value_is_refused_naming_fieldValues()
    {
        ShouldRefuse([Referral, null!], "fieldValues");
    }

    [Fact]
    public void A_null_list_of_values_is_a_programming_error()
    {
        var check = () => Clinic.CheckFieldValues(null!);

        check.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void The_refusal_of_a_missing_field_says_its_label()
    {
        var check = () => Clinic.CheckFieldValues([]);

        check.Should().Throw<SchedulingException>().WithMessage("*Referral date*required*");
    }

    private static void ShouldRefuse(FieldValue[] values, string field)
    {
        var check = () => Clinic.CheckFieldValues(values);

        var error = check.Should().Throw<SchedulingException>().Which;
        error.Code.Should().Be(SchedulingErrorCode.InvalidArgument);
        error.Field.Should().Be(field);
    }
}
