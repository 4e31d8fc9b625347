using Workers.TaskManager.References;

namespace Workers.TaskManager.Tests.Units;

public sealed class KeyRulesTests
{
    public static TheoryData<string, string> PathLikeKeys => new()
    {
        { "claim-checks/test/../product/1.json", "'..' path segment" },
        { "claim-checks/test/./1.json", "'.' or '..' path segment" },
        { "/claim-checks/test/1.json", "empty path segment" },
        { "claim-checks/test//1.json", "empty path segment" },
        { "claim-checks/test/1/", "empty path segment" },
        { "claim-checks/test/a\\..\\b.json", "backslash" },
        { "claim-checks/test/a\u0000b.json", "control or invisible character" },
        { "claim-checks/test/a\nb.json", "control or invisible character" },
        { "claim-checks/test/a\u0085b.json", "control or invisible character" },
        { "claim-checks/test/\u202Enosj.exe", "control or invisible character" },
        { "claim-checks/test/%2e%2e/product/1.json", "percent-escape in the key decodes to a '.' or '..' path segment" },
        { "claim-checks/test/%2E./1.json", "percent-escape in the key decodes to a '.' or '..' path segment" },
        { "claim-checks/test/%252e%252e/1.json", "percent-escape in the key decodes to a '.' or '..' path segment" },
        { "claim-checks/test/a%2F%2Fb.json", "percent-escape in the key decodes to an empty path segment" },
        { "%2Fclaim-checks/test/1.json", "percent-escape in the key decodes to an empty path segment" },
        { "claim-checks/test/a%5Cb.json", "percent-escape in the key decodes to a backslash" },
        { "claim-checks/test/a%00b.json", "percent-escape in the key decodes to a control or invisible character" },
        { "claim-checks/test/a%0Ab.json", "percent-escape in the key decodes to a control or invisible character" },
        { "claim-checks/test/%25252525.json", "percent-encoded more than 3 times over" },
        { "", "empty" },
    };

    [Theory]
    [MemberData(nameof(PathLikeKeys))]
    public void A_path_like_key_breaks_a_rule_that_names_what_is_wrong(string key, string rule)
    {
        var broken = KeyRules.Broken(key);

        Assert.NotNull(broken);
        Assert.Contains(rule, broken, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_longer_than_the_limit_is_refused_and_one_at_the_limit_is_not()
    {
        var prefix = "uploads/test/t/";

        Assert.Contains("at most 512", KeyRules.Broken(prefix + new string('a', KeyRules.MaxKeyLength - prefix.Length + 1)), StringComparison.Ordinal);
        Assert.Null(KeyRules.Broken(prefix + new string('a', KeyRules.MaxKeyLength - prefix.Length)));
    }

    [Theory]
    [InlineData("claim-checks/test/0193a1b2-c3d4.json")]
    [InlineData("uploads/product/t-1/stock file (1).csv")]
    [InlineData("uploads/product/t-1/prix-été.csv")]
    [InlineData("uploads/product/t-1/100%.csv")]
    [InlineData("uploads/product/t-1/a..b.csv")]
    [InlineData("uploads/product/t-1/emoji-\U0001F600.csv")]
    public void An_ordinary_key_breaks_no_rule(string key) => Assert.Null(KeyRules.Broken(key));
}
