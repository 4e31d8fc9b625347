using System.ComponentModel.DataAnnotations;
using Workers.Build.Data;
using Workers.TaskManager;

namespace Workers.Build.Builds;

// {"buildId":"…","source":"<App.jsx>","options":{"engine":"esbuild"}}, or "sourceFile":{"bucket","key","size"}
// instead of "source" when the source was uploaded (workers enqueue build does so above 200 KiB).
internal sealed record BuildBody(
    [property: Required, RegularExpression("^[A-Za-z0-9][A-Za-z0-9._:-]*$"), StringLength(BuildDbContext.IdLength)] string BuildId,
    string? Source = null,
    StoredFile? SourceFile = null,
    BuildSettings? Options = null) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if ((Source is null) == (SourceFile is null))
        {
            yield return new ValidationResult("give the component's source in exactly one of 'source' and 'sourceFile'.", [nameof(Source), nameof(SourceFile)]);
        }
    }
}
