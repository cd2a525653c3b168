namespace Scheduling.Sessions;

/// <summary>The type of a custom field a workspace defines, which decides the values it takes.</summary>
public enum FieldKind
{
    /// <summary>Free text (<see cref="FieldValue.Text"/>).</summary>
    Text = 0,

    /// <summary>A decimal number (<see cref="FieldValue.Number"/>).</summary>
    Number = 1,

    /// <summary>Yes or no (<see cref="FieldValue.Boolean"/>).</summary>
    Boolean = 2,

    /// <summary>A calendar date without a time or zone (<see cref="FieldValue.Date"/>), such as a referral date.</summary>
    Date = 3,

    /// <summary>One of the values the field's definition lists (<see cref="FieldValue.Text"/>).</summary>
    Choice = 4,
}
