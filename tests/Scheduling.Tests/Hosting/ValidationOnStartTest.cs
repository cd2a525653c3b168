using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Scheduling.Sessions;

namespace Scheduling.Tests.Hosting;

/// <summary>Options are validated when a real host starts, so a bad value fails the start, not the first call.</summary>
public sealed class ValidationOnStartTest
{
    [Fact]
    public async Task A_bad_value_in_configuration_fails_the_host_start_naming_the_value()
    {
        using var host = Host(new() { ["Scheduling:DefaultPageSize"] = "5000" });

        var start = () => host.StartAsync();

        (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should()
            .Be("Page sizes must satisfy 1 <= DefaultPageSize <= MaxPageSize. (from configuration section 'Scheduling')");
    }

    [Fact]
    public async Task A_page_examination_bound_no_larger_than_the_largest_page_fails_the_host_start()
    {
        using var host = Host(new() { ["Scheduling:MaxPageSize"] = "500", ["Scheduling:MaxExaminedPerPage"] = "500" });

        var start = () => host.StartAsync();

        (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should()
            .Be("MaxExaminedPerPage must be larger than MaxPageSize (500), so that a page whose items all match is full; it is 500. (from configuration section 'Scheduling')");
    }

    [Fact]
    public async Task A_malformed_base64_key_fails_the_host_start_naming_the_configuration_key()
    {
        using var host = Host(new() { ["Scheduling:CursorKeys:0"] = Convert.ToBase64String(new byte[32]), ["Scheduling:CursorKeys:1"] = "***" });

        var start = () => host.StartAsync();

        (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().StartWith("Scheduling:CursorKeys:1 is not valid base64");
    }

    [Fact]
    public async Task A_malformed_duration_fails_the_host_start_naming_the_configuration_key()
    {
        using var host = Host(new() { ["Scheduling:MaxQueryWindow"] = "P366D" });

        var start = () => host.StartAsync();

        (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().StartWith("Scheduling:MaxQueryWindow is 'P366D'");
    }

    [Fact]
    public async Task A_host_with_good_options_starts_and_serves_with_them()
    {
        using var host = Host(new() { ["Scheduling:MaxQueryWindow"] = "7:00:00:00" });

        await host.StartAsync();
        var sessions = host.Services.GetRequiredService<SessionService>();
        var tooLong = async () => await sessions.QuerySessionsAsync(Scheduling.Security.CallerContext.Host("t"), new SessionQuery
        {
            From = Instant.FromUtc(2030, 1, 1, 0, 0),
            To = Instant.FromUtc(2030, 1, 9, 0, 0),
        });

        (await tooLong.Should().ThrowAsync<SchedulingException>()).Which.Code.Should().Be(SchedulingErrorCode.LimitExceeded, "a window of 8 days is longer than the 7 configured");
        await host.StopAsync();
    }

    [Fact]
    public async Task A_validation_the_host_adds_runs_on_start_too()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddScheduling(s => s.WithOptions(new SchedulingOptions { MaxPageSize = 2_000 }));
        builder.Services.AddSingleton<IValidateOptions<SchedulingOptions>>(
            new ValidateOptions<SchedulingOptions>(Options.DefaultName, o => o.MaxPageSize <= 1_000, "Our hosts serve pages of at most 1,000."));
        using var host = builder.Build();

        var start = () => host.StartAsync();

        (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().Be("Our hosts serve pages of at most 1,000.");
    }

    [Fact]
    public async Task Configure_of_the_immutable_options_is_refused_on_start_rather_than_ignored()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.Configure<SchedulingOptions>(builder.Configuration.GetSection("Scheduling"));
        builder.Services.AddScheduling();
        using var host = builder.Build();

        var start = () => host.StartAsync();

        (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().Contain("AddScheduling(configuration)");
    }

    [Fact]
    public void Options_given_in_code_are_still_refused_at_registration()
    {
        var act = () => new ServiceCollection().AddScheduling(s => s.WithOptions(new SchedulingOptions { MaxIdsPerList = 0 }));

        act.Should().Throw<ArgumentException>().WithMessage("MaxIdsPerList must be at least 1.*");
    }

    private static IHost Host(Dictionary<string, string?> configuration)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Services.AddScheduling(builder.Configuration.GetSection("Scheduling"));
        return builder.Build();
    }
}
