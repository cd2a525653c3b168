using System.Reflection;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Scheduling.Hosting;

namespace Scheduling.Tests.Hosting;

/// <summary><c>AddScheduling(configuration)</c>: every option binds from configuration, and a value that does not read names its key.</summary>
public sealed class SchedulingOptionsConfigurationTest
{
    private static readonly byte[] FirstKey = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];
    private static readonly byte[] SecondKey = [.. Enumerable.Range(100, 40).Select(i => (byte)i)];

    [Fact]
    public void Every_option_binds_from_an_in_memory_configuration()
    {
        var options = Bind(new Dictionary<string, string?>
        {
            ["Scheduling:MaxQueryWindow"] = "31:12:00:00",
            ["Scheduling:DefaultPageSize"] = "25",
            ["Scheduling:MaxPageSize"] = "250",
            ["Scheduling:MaxExaminedPerPage"] = "5000",
            ["Scheduling:MaxIdsPerList"] = "40",
            ["Scheduling:DefaultAttendancePageSize"] = "20",
            ["Scheduling:MaxAttendanceBatchSize"] = "300",
            ["Scheduling:SnapshotNamesAtBooking"] = "true",
            ["Scheduling:CursorKey"] = Convert.ToBase64String(FirstKey),
            ["Scheduling:PayloadLimits:MaxIdLength"] = "64",
            ["Scheduling:PayloadLimits:MaxTextLength"] = "512",
            ["Scheduling:PayloadLimits:MaxNotesLength"] = "4000",
            ["Scheduling:PayloadLimits:MaxTags"] = "10",
            ["Scheduling:PayloadLimits:MaxParticipants"] = "50",
            ["Scheduling:PayloadLimits:MaxServices"] = "20",
            ["Scheduling:PayloadLimits:MaxFieldValues"] = "30",
            ["Scheduling:PayloadLimits:MaxAttachments"] = "5",
            ["Scheduling:PayloadLimits:MaxNoteLogEntries"] = "60",
            ["Scheduling:PayloadLimits:MaxExceptionDates"] = "80",
            ["Scheduling:PayloadLimits:MaxExtraDates"] = "90",
            ["Scheduling:PayloadLimits:MaxRecordLength"] = "70000",
        });

        options.MaxQueryWindow.Should().Be(Duration.FromDays(31) + Duration.FromHours(12));
        options.DefaultPageSize.Should().Be(25);
        options.MaxPageSize.Should().Be(250);
        options.MaxExaminedPerPage.Should().Be(5000);
        options.MaxIdsPerList.Should().Be(40);
        options.DefaultAttendancePageSize.Should().Be(20);
        options.MaxAttendanceBatchSize.Should().Be(300);
        options.SnapshotNamesAtBooking.Should().BeTrue();
        options.CursorKey.ToArray().Should().Equal(FirstKey);
        options.CursorKeys.Should().BeEmpty();
        options.PayloadLimits.Should().Be(new PayloadLimits
        {
            MaxIdLength = 64,
            MaxTextLength = 512,
            MaxNotesLength = 4000,
            MaxTags = 10,
            MaxParticipants = 50,
            MaxServices = 20,
            MaxFieldValues = 30,
            MaxAttachments = 5,
            MaxNoteLogEntries = 60,
            MaxExceptionDates = 80,
            MaxExtraDates = 90,
            MaxRecordLength = 70000,
        });
    }

    [Fact]
    public void Cursor_keys_bind_as_a_list_of_base64_keys_from_json_in_their_order()
    {
        var json = $$"""
            {
              "Scheduling": {
                "CursorKeys": [ "{{Convert.ToBase64String(SecondKey)}}", "{{Convert.ToBase64String(FirstKey)}}" ],
                "MaxQueryWindow": "366.00:00:00",
                "PayloadLimits": { "MaxTags": 7 }
              }
            }
            """;
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

        var options = OptionsOf(new ServiceCollection().AddScheduling(configuration.GetSection("Scheduling")));

        options.CursorKeys.Select(key => key.ToArray()).Should().SatisfyRespectively(
            signing => signing.Should().Equal(SecondKey),
            accepted => accepted.Should().Equal(FirstKey));
        options.MaxQueryWindow.Should().Be(Duration.FromDays(366), "a TimeSpan's d.hh:mm:ss reads too");
        options.PayloadLimits.Should().Be(PayloadLimits.Default with { MaxTags = 7 });
    }

    [Fact]
    public void Keys_the_configuration_leaves_out_or_empty_keep_the_options_given_to_WithOptions()
    {
        var baseline = new SchedulingOptions { MaxPageSize = 500, SnapshotNamesAtBooking = true, CursorKey = FirstKey };
        var configuration = Configuration(new Dictionary<string, string?>
        {
            ["Scheduling:DefaultPageSize"] = "50",
            ["Scheduling:MaxIdsPerList"] = "",
        });

        var options = OptionsOf(new ServiceCollection().AddScheduling(configuration.GetSection("Scheduling"), s => s.WithOptions(baseline)));

        options.DefaultPageSize.Should().Be(50);
        options.MaxPageSize.Should().Be(500);
        options.SnapshotNamesAtBooking.Should().BeTrue();
        options.CursorKey.ToArray().Should().Equal(FirstKey);
        options.MaxIdsPerList.Should().Be(new SchedulingOptions().MaxIdsPerList, "an empty value is no value");
        options.PayloadLimits.Should().BeSameAs(PayloadLimits.Default);
    }

    [Fact]
    public void Binding_payload_limits_leaves_the_shared_defaults_unchanged()
    {
        Bind(new Dictionary<string, string?> { ["Scheduling:PayloadLimits:MaxTags"] = "3" }).PayloadLimits.MaxTags.Should().Be(3);

        PayloadLimits.Default.MaxTags.Should().Be(100);
    }

    [Theory]
    [InlineData("366:00:00:00", 366 * 24)]
    [InlineData("0:01:30:00", 1.5)]
    [InlineData("7.00:00:00", 7 * 24)]
    [InlineData("02:00:00", 2)]
    public void The_query_window_reads_as_a_NodaTime_roundtrip_duration_or_a_TimeSpan(string text, double hours)
    {
        Bind(new Dictionary<string, string?> { ["Scheduling:MaxQueryWindow"] = text }).MaxQueryWindow.Should().Be(Duration.FromHours(hours));
    }

    [Theory]
    [InlineData("Scheduling:CursorKey", "not base64!", "Scheduling:CursorKey is not valid base64; a cursor key is written as base64*")]
    [InlineData("Scheduling:CursorKeys:0", "%%%", "Scheduling:CursorKeys:0 is not valid base64*")]
    [InlineData("Scheduling:CursorKeys", "abc", "Scheduling:CursorKeys must be a list of base64 keys*")]
    [InlineData("Scheduling:MaxQueryWindow", "366 days", "Scheduling:MaxQueryWindow is '366 days'; a duration is written as days:hours:minutes:seconds*")]
    [InlineData("Scheduling:MaxPageSize", "many", "Scheduling:MaxPageSize is 'many'; it must be a whole number.")]
    [InlineData("Scheduling:SnapshotNamesAtBooking", "yes", "Scheduling:SnapshotNamesAtBooking is 'yes'; it must be true or false.")]
    [InlineData("Scheduling:PayloadLimits:MaxTags", "1e3", "Scheduling:PayloadLimits:MaxTags is '1e3'; it must be a whole number.")]
    [InlineData("Scheduling:PayloadLimits", "10", "Scheduling:PayloadLimits must be a section*")]
    [InlineData("Scheduling:MaxPageSzie", "10", "Scheduling:MaxPageSzie is not a Scheduling option; the keys are MaxQueryWindow, DefaultPageSize*")]
    [InlineData("Scheduling:PayloadLimits:MaxTag", "10", "Scheduling:PayloadLimits:MaxTag is not a payload limit; the keys are MaxIdLength*")]
    public void A_value_that_does_not_read_is_refused_naming_its_key(string key, string value, string message)
    {
        var services = new ServiceCollection().AddScheduling(Configuration(new Dictionary<string, string?> { [key] = value }).GetSection("Scheduling"));

        var act = () => OptionsOf(services);

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().ContainSingle().Which.Should().Match(message);
    }

    [Fact]
    public void A_malformed_key_is_named_but_never_quoted()
    {
        var services = new ServiceCollection().AddScheduling(Configuration(new Dictionary<string, string?> { ["Scheduling:CursorKey"] = "secret-but-not-base64" }).GetSection("Scheduling"));

        var act = () => OptionsOf(services);

        act.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("Scheduling:CursorKey").And.NotContain("secret-but-not-base64");
    }

    [Fact]
    public void Every_problem_of_a_section_is_reported_at_once()
    {
        var services = new ServiceCollection().AddScheduling(Configuration(new Dictionary<string, string?>
        {
            ["Scheduling:MaxPageSize"] = "x",
            ["Scheduling:CursorKey"] = "!",
        }).GetSection("Scheduling"));

        var act = () => OptionsOf(services);

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().HaveCount(2);
    }

    [Fact]
    public void A_bound_value_a_rule_refuses_is_refused_naming_the_value_and_the_section()
    {
        var services = new ServiceCollection().AddScheduling(Configuration(new Dictionary<string, string?> { ["Scheduling:CursorKey"] = Convert.ToBase64String(new byte[16]) }).GetSection("Scheduling"));

        var act = () => OptionsOf(services);

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().ContainSingle()
            .Which.Should().Be("CursorKey is 16 bytes; a cursor key needs at least 32. (from configuration section 'Scheduling')");
    }

    [Fact]
    public void Every_option_and_payload_limit_has_a_configuration_key()
    {
        static IEnumerable<string> Settable(Type type) =>
            type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }).Select(p => p.Name);

        SchedulingOptionsConfiguration.OptionKeys.Should().BeEquivalentTo(Settable(typeof(SchedulingOptions)));
        SchedulingOptionsConfiguration.PayloadLimitKeys.Should().BeEquivalentTo(Settable(typeof(PayloadLimits)));
    }

    [Fact]
    public async Task The_services_use_the_options_from_configuration()
    {
        using var provider = new ServiceCollection()
            .AddScheduling(Configuration(new Dictionary<string, string?> { ["Scheduling:DefaultPageSize"] = "5", ["Scheduling:MaxPageSize"] = "10", ["Scheduling:DefaultAttendancePageSize"] = "5" }).GetSection("Scheduling"))
            .BuildServiceProvider();
        var sessions = provider.GetRequiredService<Scheduling.Sessions.SessionService>();
        var query = new Scheduling.Sessions.SessionQuery { From = Instant.FromUtc(2030, 1, 1, 0, 0), To = Instant.FromUtc(2030, 2, 1, 0, 0) };

        var act = async () => await sessions.QuerySessionsAsync(Scheduling.Security.CallerContext.Host("t"), query with { PageSize = 11 });
        await sessions.QuerySessionsAsync(Scheduling.Security.CallerContext.Host("t"), query with { PageSize = 10 });

        (await act.Should().ThrowAsync<SchedulingException>()).Which.Code.Should().Be(SchedulingErrorCode.LimitExceeded);
    }

    private static SchedulingOptions Bind(Dictionary<string, string?> values) =>
        OptionsOf(new ServiceCollection().AddScheduling(Configuration(values).GetSection("Scheduling")));

    private static IConfigurationRoot Configuration(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static SchedulingOptions OptionsOf(IServiceCollection services)
    {
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<SchedulingOptions>>().Value;
    }
}
