using Scheduling.Testing;

namespace Scheduling.Recurrence.Tests.Properties;

/// <summary>Properties of rule text: the constructor and the parser agree on every value set, and text round-trips.</summary>
public sealed class RuleTextProperties
{
    [Fact]
    public void Constructor_and_parser_accept_the_same_values_and_refuse_them_with_the_same_error()
    {
        var generator = new RuleGenerator(PropertyRuns.RandomSource(salt: 1));
        var accepted = 0;
        for (var i = 0; i < PropertyRuns.Cases(3_000); i++)
        {
            var values = generator.AnyValues();
            var text = values.ToText();
            RecurrenceRule? constructed = null;
            RecurrenceError? constructorError = null;
            try
            {
                constructed = values.Construct();
            }
            catch (RecurrenceException exception)
            {
                constructorError = exception.Error;
            }

            var parsed = RecurrenceRule.TryParse(text, out var rule, out var parserError);

            if (constructed is not null)
            {
                parsed.Should().BeTrue($"the constructor accepts {text}, but the parser says: {parserError}");
                rule.Should().Be(constructed, text);
                accepted++;
            }
            else
            {
                parsed.Should().BeFalse($"the constructor refuses {text} ({constructorError}), but the parser accepts it");
                parserError!.Code.Should().Be(constructorError!.Code, $"{text}: parser says '{parserError}', constructor '{constructorError}'");
                parserError.Part.Should().Be(constructorError.Part, text);
            }
        }

        accepted.Should().BeGreaterThan(PropertyRuns.Cases(3_000) / 20, "the generator must also make valid rules");
    }

    [Fact]
    public void Text_of_a_rule_parses_back_to_an_equal_rule()
    {
        var generator = new RuleGenerator(PropertyRuns.RandomSource(salt: 2));
        for (var i = 0; i < PropertyRuns.Cases(3_000); i++)
        {
            var rule = generator.Maybe(0.5) ? generator.ExpandableRule() : TryConstruct(generator.AnyValues());
            if (rule is null)
            {
                continue;
            }

            var text = rule.ToString();
            var parsed = RecurrenceRule.Parse(text);

            parsed.Should().Be(rule, text);
            parsed.ToString().Should().Be(text);
            parsed.GetHashCode().Should().Be(rule.GetHashCode());
        }
    }

    private static RecurrenceRule? TryConstruct(RuleValues values)
    {
        try
        {
            return values.Construct();
        }
        catch (RecurrenceException)
        {
            return null;
        }
    }
}
