using Scheduling.Workspaces;

namespace Scheduling.Tests.Workspaces;

/// <summary>
/// The default directory of workspaces and names: filled by the host, empty until then, names scoped to a workspace
/// and a kind.
/// </summary>
public sealed class InMemoryWorkspaceDirectoryTest
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    [Fact]
    public async Task An_empty_directory_knows_no_workspace()
    {
        (await new InMemoryWorkspaceDirectory().FindWorkspaceAsync("clinic", default)).Should().BeNull();
    }

    [Fact]
    public async Task An_added_workspace_is_found_by_its_id()
    {
        var directory = new InMemoryWorkspaceDirectory();
        var clinic = new Workspace("clinic", NewYork);

        directory.AddOrReplaceWorkspace(clinic);

        (await directory.FindWorkspaceAsync("clinic", default)).Should().BeSameAs(clinic);
    }

    [Fact]
    public async Task Workspace_ids_are_compared_exactly()
    {
        var directory = new InMemoryWorkspaceDirectory();
        directory.AddOrReplaceWorkspace(new Workspace("clinic", NewYork));

        (await directory.FindWorkspaceAsync("Clinic", default)).Should().BeNull();
    }

    [Fact]
    public async Task Adding_a_workspace_with_a_known_id_replaces_it()
    {
        var directory = new InMemoryWorkspaceDirectory();
        directory.AddOrReplaceWorkspace(new Workspace("clinic", NewYork));
        var moved = new Workspace("clinic", Berlin) { Name = "Clinic Berlin" };

        directory.AddOrReplaceWorkspace(moved);

        (await directory.FindWorkspaceAsync("clinic", default)).Should().BeSameAs(moved);
    }

    [Fact]
    public async Task Replacing_a_workspace_keeps_its_names()
    {
        var directory = new InMemoryWorkspaceDirectory();
        directory.AddOrReplaceWorkspace(new Workspace("clinic", NewYork));
        directory.SetName("clinic", DirectoryEntryKind.Client, "c1", "Carla Diaz");

        directory.AddOrReplaceWorkspace(new Workspace("clinic", Berlin));

        (await Names(directory, "clinic", DirectoryEntryKind.Client, "c1")).Should().Equal(new Dictionary<string, string> { ["c1"] = "Carla Diaz" });
    }

    [Fact]
    public void Adding_a_null_workspace_is_refused()
    {
        var add = () => new InMemoryWorkspaceDirectory().AddOrReplaceWorkspace(null!);

        add.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public async Task A_removed_workspace_is_no_longer_found()
    {
        var directory = new InMemoryWorkspaceDirectory();
        directory.AddOrReplaceWorkspace(new Workspace("clinic", NewYork));

        directory.RemoveWorkspace("clinic").Should().BeTrue();

        (await directory.FindWorkspaceAsync("clinic", default)).Should().BeNull();
    }

    [Fact]
    public async Task Removing_a_workspace_forgets_its_names_and_only_its_names()
    {
        var directory = new InMemoryWorkspaceDirectory();
        directory.AddOrReplaceWorkspace(new Workspace("clinic", NewYork));
        directory.AddOrReplaceWorkspace(new Workspace("salon", NewYork));
        directory.SetName("clinic", DirectoryEntryKind.Client, "c1", "Carla Diaz");
        directory.SetName("clinic", DirectoryEntryKind.Staff, "ada", "Ada Lovelace");
        directory.SetName("salon", DirectoryEntryKind.Client, "c1", "Carla D.");

        directory.RemoveWorkspace("clinic");

        (await Names(directory, "clinic", DirectoryEntryKind.Client, "c1")).Should().BeEmpty();
        (await Names(directory, "clinic", DirectoryEntryKind.Staff, "ada")).Should().BeEmpty();
        (await Names(directory, "salon", DirectoryEntryKind.Client, "c1")).Should().Equal(new Dictionary<string, string> { ["c1"] = "Carla D." });
    }

    [Fact]
    public async Task A_workspace_added_again_after_removal_starts_without_names()
    {
        var directory = new InMemoryWorkspaceDirectory();
        directory.AddOrReplaceWorkspace(new Workspace("clinic", NewYork));
        directory.SetName("clinic", DirectoryEntryKind.Service, "massage", "Massage");
        directory.RemoveWorkspace("clinic");

        directory.AddOrReplaceWorkspace(new Workspace("clinic", NewYork));

        (await Names(directory, "clinic", DirectoryEntryKind.Service, "massage")).Should().BeEmpty();
    }

    [Fact]
    public void Removing_an_unknown_workspace_says_there_was_none()
    {
        new InMemoryWorkspaceDirectory().RemoveWorkspace("clinic").Should().BeFalse();
    }

    [Fact]
    public async Task A_name_set_is_found_by_its_id()
    {
        var directory = new InMemoryWorkspaceDirectory();

        directory.SetName("clinic", DirectoryEntryKind.Service, "massage", "Massage (60 min)");

        (await Names(directory, "clinic", DirectoryEntryKind.Service, "massage")).Should().Equal(new Dictionary<string, string> { ["massage"] = "Massage (60 min)" });
    }

    [Fact]
    public async Task Setting_a_name_again_renames()
    {
        var directory = new InMemoryWorkspaceDirectory();
        directory.SetName("clinic", DirectoryEntryKind.Staff, "ada", "Ada Byron");

        directory.SetName("clinic", DirectoryEntryKind.Staff, "ada", "Ada Lovelace");

        (await Names(directory, "clinic", DirectoryEntryKind.Staff, "ada")).Should().Equal(new Dictionary<string, string> { ["ada"] = "Ada Lovelace" });
    }

    [Theory]
    [InlineData("", "c1", "Carla", "workspaceId")]
    [InlineData("clinic", " ", "Carla", "id")]
    [InlineData("clinic", "c1", "", "name")]
    public void Setting_a_name_needs_a_workspace_an_id_and_a_name(string workspaceId, string id, string name, string parameter)
    {
        var set = () => new InMemoryWorkspaceDirectory().SetName(workspaceId, DirectoryEntryKind.Client, id, name);

        set.Should().Throw<SchedulingException>().Where(e => e.Code == SchedulingErrorCode.InvalidArgument).Which.Field.Should().Be(parameter);
    }

    [Fact]
    public async Task A_removed_name_is_left_out()
    {
        var directory = new InMemoryWorkspaceDirectory();
        directory.SetName("clinic", DirectoryEntryKind.Service, "massage", "Massage");
        directory.SetName("clinic", DirectoryEntryKind.Service, "physio", "Physiotherapy");

        directory.RemoveName("clinic", DirectoryEntryKind.Service, "massage").Should().BeTrue();

        (await Names(directory, "clinic", DirectoryEntryKind.Service, "massage", "physio")).Should().Equal(new Dictionary<string, string> { ["physio"] = "Physiotherapy" });
    }

    [Fact]
    public void Removing_an_unknown_name_says_there_was_none()
    {
        var directory = new InMemoryWorkspaceDirectory();
        directory.SetName("clinic", DirectoryEntryKind.Service, "massage", "Massage");

        directory.RemoveName("clinic", DirectoryEntryKind.Service, "physio").Should().BeFalse();
        directory.RemoveName("clinic", DirectoryEntryKind.Client, "massage").Should().BeFalse();
        directory.RemoveName("salon", DirectoryEntryKind.Service, "massage").Should().BeFalse();
    }

    [Fact]
    public async Task Names_of_unknown_ids_are_left_out()
    {
        var directory = new InMemoryWorkspaceDirectory();
        directory.SetName("clinic", DirectoryEntryKind.Client, "c1", "Carla Diaz");
        directory.SetName("clinic", DirectoryEntryKind.Client, "c2", "Dan Eriksen");

        var names = await Names(directory, "clinic", DirectoryEntryKind.Client, "c1", "nobody", "c2");

        names.Should().Equal(new Dictionary<string, string> { ["c1"] = "Carla Diaz", ["c2"] = "Dan Eriksen" });
    }

    [Fact]
    public async Task Ids_are_compared_exactly()
    {
        var directory = new InMemoryWorkspaceDirectory();
        directory.SetName("clinic", DirectoryEntryKind.Client, "c1", "Carla Diaz");

        (await Names(directory, "clinic", DirectoryEntryKind.Client, "C1")).Should().BeEmpty();
    }

    [Fact]
    public async Task Names_are_scoped_to_their_workspace()
    {
        var directory = new InMemoryWorkspaceDirectory();
        directory.SetName("clinic", DirectoryEntryKind.Client, "c1", "Carla Diaz");
        directory.SetName("salon", DirectoryEntryKind.Client, "c1", "Carla D.");

        (await Names(directory, "clinic", DirectoryEntryKind.Client, "c1"))["c1"].Should().Be("Carla Diaz");
        (await Names(directory, "salon", DirectoryEntryKind.Client, "c1"))["c1"].Should().Be("Carla D.");
        (await Names(directory, "school", DirectoryEntryKind.Client, "c1")).Should().BeEmpty();
    }

    [Fact]
    public async Task Names_are_scoped_to_their_kind()
    {
        var directory = new InMemoryWorkspaceDirectory();
        directory.SetName("clinic", DirectoryEntryKind.Staff, "x1", "Ada Lovelace");
        directory.SetName("clinic", DirectoryEntryKind.Service, "x1", "Massage");

        (await Names(directory, "clinic", DirectoryEntryKind.Staff, "x1"))["x1"].Should().Be("Ada Lovelace");
        (await Names(directory, "clinic", DirectoryEntryKind.Service, "x1"))["x1"].Should().Be("Massage");
        (await Names(directory, "clinic", DirectoryEntryKind.Client, "x1")).Should().BeEmpty();
    }

    [Fact]
    public async Task Asking_for_no_ids_finds_no_names()
    {
        var directory = new InMemoryWorkspaceDirectory();
        directory.SetName("clinic", DirectoryEntryKind.Client, "c1", "Carla Diaz");

        (await Names(directory, "clinic", DirectoryEntryKind.Client)).Should().BeEmpty();
    }

    [Fact]
    public async Task Asking_with_a_null_list_of_ids_is_refused()
    {
        var find = async () => await new InMemoryWorkspaceDirectory().FindNamesAsync("clinic", DirectoryEntryKind.Client, null!, default);

        await find.Should().ThrowAsync<ArgumentNullException>();
    }

    [Fact]
    public async Task A_result_already_handed_out_does_not_change_with_later_renames()
    {
        var directory = new InMemoryWorkspaceDirectory();
        directory.SetName("clinic", DirectoryEntryKind.Client, "c1", "Carla Diaz");
        var before = await Names(directory, "clinic", DirectoryEntryKind.Client, "c1");

        directory.SetName("clinic", DirectoryEntryKind.Client, "c1", "Carla Diaz-Ortega");

        before["c1"].Should().Be("Carla Diaz");
    }

    private static async Task<IReadOnlyDictionary<string, string>> Names(InMemoryWorkspaceDirectory directory, string workspaceId, DirectoryEntryKind kind, params string[] ids) =>
        await directory.FindNamesAsync(workspaceId, kind, ids, default);
}
