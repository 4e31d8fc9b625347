using System.ComponentModel.DataAnnotations;
using Workers.TaskManager;

namespace Workers.Product.CsvStock;

// {"file":{"bucket":"…","key":"…","rows":100000}}: a CSV in S3 with the header store,sku,quantity, whose rows set
// absolute stock levels.
internal sealed record CsvStockBody([property: Required] StoredFile File);
