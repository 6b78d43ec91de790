using C2C.Analytics.Pipeline.Tracker;

namespace C2C.Analytics.Pipeline.Tests.Tracker;

public class AttachmentPatternTests
{
    [Theory]
    [InlineData("*", "%")]
    [InlineData("*SOW*.pdf", "%SOW%.pdf")]
    [InlineData("PO-????.pdf", "PO-____.pdf")]
    // LIKE's own wildcards and its escape in a file name match only themselves.
    [InlineData("100%_done\\x.pdf", "100\\%\\_done\\\\x.pdf")]
    [InlineData("  signed.pdf ", "signed.pdf")]
    public void A_name_pattern_becomes_a_like_pattern_with_backslash_escapes(string pattern, string like) =>
        Assert.Equal(like, AttachmentPattern.ToLike(pattern));

    [Fact]
    public void No_pattern_stays_no_pattern() => Assert.Null(AttachmentPattern.ToLike(null));
}
