namespace Scheduling.Stores.ContractTests;

/// <summary>Assertions on the API's one exception type.</summary>
public static class SchedulingAssert
{
    /// <summary>
    /// Asserts that <paramref name="call"/> fails with a <see cref="SchedulingException"/> of <paramref name="code"/>
    /// (and, when given, naming <paramref name="field"/>), and returns it for further checks.
    /// </summary>
    public static async Task<SchedulingException> FailsAsync(Func<Task> call, SchedulingErrorCode code, string? field = null)
    {
        var error = (await call.Should().ThrowAsync<SchedulingException>()).Which;
        error.Code.Should().Be(code, "the error was: {0}", error.Message);
        if (field is not null)
        {
            error.Field.Should().Be(field, "the error was: {0}", error.Message);
        }

        return error;
    }
}
