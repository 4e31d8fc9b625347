using Workers.Infra.Tests.Checks;

namespace Workers.Infra.Tests.Rules;

// A rule the deployment tools (Copilot, CloudFormation, Docker) or the fleet would enforce, checked on one file.
public interface IRule
{
    // Short and stable: it appears in every message, so a failure says which rule broke.
    string Name { get; }

    bool AppliesTo(string path);

    IEnumerable<Violation> Check(CheckedFile file);
}
