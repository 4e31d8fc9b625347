using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Workers.ExternalEc.Sync;

// The EC sync's pace (section ExternalEc:Sync).
internal sealed class EcSyncOptions
{
    public const string SectionName = "ExternalEc:Sync";

    // Off: this process does not drain pos.ec_stock_sync (another one does, or an operator wants it stopped).
    public bool Enabled { get; set; } = true;

    // How often pos.ec_stock_sync is looked at.
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    // A row is taken only once its product has been quiet this long, so a burst of sales of one card (each
    // refreshing the row's requested_at) becomes one item of one task, not one per poll.
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan QuietPeriod { get; set; } = TimeSpan.FromSeconds(1);

    // ...but a product that never stays quiet (a card selling every second through a sale) is pushed anyway once
    // its first unpushed change is this old: the shop's stock on Ochanoko must not lag behind the till for long,
    // or it sells what the shop no longer has.
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    // Rows per round (one transaction); a store's share becomes one task per kind, so this also bounds a body
    // (~40 bytes a SKU: 5,000 stay well under the 256 KiB that would send it through S3).
    [Range(1, 20_000)]
    public int BatchSize { get; set; } = 5_000;
}

// Checks the DataAnnotations on EcSyncOptions (generated at compile time).
[OptionsValidator]
internal sealed partial class EcSyncOptionsValidator : IValidateOptions<EcSyncOptions>;
