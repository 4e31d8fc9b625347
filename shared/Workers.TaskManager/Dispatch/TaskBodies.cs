using System.Text.Json;

namespace Workers.TaskManager.Dispatch;

// Turns a body element into the handler's type. A body that does not fit is a permanent failure: sending the
// same JSON again will not make it fit.
internal static class TaskBodies
{
    public static TBody Read<TBody>(JsonElement body, string taskType)
        where TBody : class
    {
        TBody? value;
        try
        {
            value = body.Deserialize<TBody>(TaskJson.Options);
        }
        catch (JsonException ex)
        {
            throw new PermanentTaskException($"The {taskType} body does not match {typeof(TBody).Name}: {ex.Message}", FailureKind.InvalidBody, ex);
        }

        if (value is null)
        {
            throw new PermanentTaskException($"The {taskType} body is null.", FailureKind.InvalidBody);
        }

        var errors = BodyValidator.Validate(value);
        return errors.Count == 0
            ? value
            : throw new PermanentTaskException($"The {taskType} body is invalid: {string.Join("; ", errors)}", FailureKind.InvalidBody);
    }
}
