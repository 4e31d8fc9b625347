using System.ComponentModel.DataAnnotations;

namespace Workers.TaskManager.Tests.Infrastructure;

public sealed record Echo([property: Required, MinLength(1)] string Text, int Sequence = 0, IReadOnlyList<int>? Items = null);
