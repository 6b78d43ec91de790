using C2C.Analytics.Pipeline.Report.Owners;

namespace C2C.Analytics.Pipeline.Tests.Report;

public sealed class OwnerFileNamesTests
{
    [Theory]
    [InlineData("../../etc/passwd", "etc-passwd")]
    [InlineData("..\\..\\Windows\\win.ini", "windows-win-ini")]
    [InlineData("Søren.Kjær@Example.com", "s-ren-kj-r-example-com")]
    [InlineData("Chloé Martin", "chlo-martin")]
    [InlineData("李娜", "")]
    [InlineData(".hidden", "hidden")]
    [InlineData("<script>alert(1)</script>", "script-alert-1-script")]
    public void A_slug_keeps_ascii_letters_and_digits_only(string text, string expected) => Assert.Equal(expected, OwnerFileNames.Slug(text));

    [Fact]
    public void Names_are_unique_and_stable_and_never_leave_the_folder()
    {
        var names = new OwnerFileNames();
        // Two people whose e-mails fold to the same slug differ by the hash of their ids.
        var first = names.For("id-1", "a.b@example.com", "A B");
        var second = names.For("id-2", "a-b@example.com", "A B");
        var nobody = names.For(null, null, null);
        var traversal = names.For("id-3", "../../x@y", null);
        var nameless = names.For("id-4", null, "李娜");

        Assert.StartsWith("a-b-example-com-", first, StringComparison.Ordinal);
        Assert.StartsWith("a-b-example-com-", second, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
        Assert.Equal("unassigned", nobody);
        Assert.StartsWith("x-y-", traversal, StringComparison.Ordinal);
        Assert.StartsWith("owner-", nameless, StringComparison.Ordinal);
        Assert.Equal(first, new OwnerFileNames().For("id-1", "a.b@example.com", "A B"));
        Assert.All(new[] { first, second, nobody, traversal, nameless }, n => Assert.Matches("^[a-z0-9][a-z0-9-]*$", n));
    }

    [Fact]
    public void The_same_owner_twice_gets_a_counter_rather_than_a_collision()
    {
        var names = new OwnerFileNames();

        Assert.NotEqual(names.For("id-1", "a@b", null), names.For("id-1", "a@b", null));
    }
}
