using System.Text.Json;
using Workers.TaskManager.References;

namespace Workers.TaskManager.Dispatch;

// Turns a body element into the handler's type, checked to its last element, before any handler sees it. A
// body that does not fit is a permanent failure: sending the same JSON again will not make it fit. Every
// StoredFile in it must pass the reference policy: a file outside the fleet is refused here, for every task
// type alike, before anything reads it.
internal static class TaskBodies
{
    public static TBody Read<TBody>(JsonElement body, string taskType, ReferencePolicy references)
        where TBody : class
    {
        TBody? value;
        try
        {
            value = body.Deserialize<TBody>(TaskJson.Options);
        }
        catch (JsonException ex)
        {
            throw new PermanentTaskException($"The {taskType} body does not match {typeof(TBody).Name}: {JsonErrors.Describe(ex, body)}", FailureKind.InvalidBody, ex);
        }

        if (value is null)
        {
            throw new PermanentTaskException($"The {taskType} body is null.", FailureKind.InvalidBody);
        }

        var findings = BodyValidator.Validate(value);
        foreach (var (path, file) in findings.Files)
        {
            references.Check(path, file);
        }

        return findings.Errors.Count == 0
            ? value
            : throw new PermanentTaskException($"The {taskType} body is invalid: {string.Join("; ", findings.Errors)}", FailureKind.InvalidBody);
    }
}
