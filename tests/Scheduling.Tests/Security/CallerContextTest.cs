using Scheduling.Security;

namespace Scheduling.Tests.Security;

/// <summary>Callers: who they are, what they may do, and which tenant they are confined to.</summary>
public sealed class CallerContextTest
{
    [Fact]
    public void Host_holds_every_permission()
    {
        var host = CallerContext.Host("tenant-a");

        host.Has(Permissions.SessionsView).Should().BeTrue();
        host.Has(Permissions.SessionsManage).Should().BeTrue();
        host.Has(Permissions.PersonalInformationView).Should().BeTrue();
    }

    [Fact]
    public void Caller_holds_only_the_permissions_granted()
    {
        var member = CallerContext.Member("tenant-a", "member-1", Permissions.SessionsView);

        member.Has(Permissions.SessionsView).Should().BeTrue();
        member.Has(Permissions.SessionsManage).Should().BeFalse();
    }

    [Fact]
    public void Elevated_caller_holds_every_permission_in_the_same_tenant()
    {
        var member = CallerContext.Member("tenant-a", "member-1");

        var elevated = member.Elevate();

        elevated.Has(Permissions.PersonalInformationView).Should().BeTrue();
        elevated.TenantId.Should().Be("tenant-a");
        elevated.CallerId.Should().Be("member-1");
        member.Has(Permissions.PersonalInformationView).Should().BeFalse("elevating makes a new caller and leaves the old one as it was");
    }

    [Fact]
    public void Missing_permission_of_an_anonymous_caller_is_unauthenticated()
    {
        var demand = () => CallerContext.Anonymous("tenant-a").Demand(Permissions.SessionsView);

        demand.Should().Throw<SchedulingException>().Which.Code.Should().Be(SchedulingErrorCode.Unauthenticated);
    }

    [Fact]
    public void Missing_permission_of_a_known_caller_is_permission_denied()
    {
        var demand = () => CallerContext.Staff("tenant-a", "staff-1").Demand(Permissions.SessionsManage);

        demand.Should().Throw<SchedulingException>().Which.Code.Should().Be(SchedulingErrorCode.PermissionDenied);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Caller_needs_a_tenant(string tenantId)
    {
        var create = () => CallerContext.Anonymous(tenantId);

        create.Should().Throw<SchedulingException>().Where(e => e.Code == SchedulingErrorCode.InvalidArgument).Which.Field.Should().Be("tenantId");
    }

    [Fact]
    public void Tenant_id_with_a_lone_surrogate_is_refused()
    {
        // Not a theory: test data passes through UTF-8 on its way to the runner, which would mend a lone surrogate.
        foreach (var tenantId in new[] { "tenant-\uD800", "\uDC00tenant" })
        {
            var create = () => CallerContext.Anonymous(tenantId);

            create.Should().Throw<SchedulingException>()
                .Where(e => e.Code == SchedulingErrorCode.InvalidArgument && e.Message.Contains("lone surrogate"))
                .Which.Field.Should().Be("tenantId");
        }
    }

    [Fact]
    public void Tenant_id_beyond_the_basic_plane_is_kept() =>
        CallerContext.Anonymous("tenant-\U0001F600").TenantId.Should().Be("tenant-\U0001F600");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void Member_and_staff_need_an_id_named_as_their_parameter(string? id)
    {
        var member = () => CallerContext.Member("tenant-a", id!);
        var staff = () => CallerContext.Staff("tenant-a", id!);

        member.Should().Throw<SchedulingException>().Where(e => e.Code == SchedulingErrorCode.InvalidArgument).Which.Field.Should().Be("memberId");
        staff.Should().Throw<SchedulingException>().Where(e => e.Code == SchedulingErrorCode.InvalidArgument).Which.Field.Should().Be("staffId");
    }

    [Fact]
    public void A_null_tenant_is_invalid_argument_on_tenantId()
    {
        var create = () => CallerContext.Host(null!);

        create.Should().Throw<SchedulingException>().Which.Field.Should().Be("tenantId");
    }

    [Fact]
    public void An_empty_permission_is_invalid_argument_on_permissions_and_a_null_list_a_programming_error()
    {
        var blank = () => CallerContext.Member("tenant-a", "m1", Permissions.SessionsView, " ");
        var missing = () => CallerContext.Anonymous("tenant-a", null!);

        blank.Should().Throw<SchedulingException>().Which.Field.Should().Be("permissions");
        missing.Should().Throw<ArgumentNullException>().WithParameterName("permissions");
    }
}
