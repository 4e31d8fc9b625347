using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Workers.Domain.Migrations
{
    /// <inheritdoc />
    public partial class InitialPos : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "pos");

            migrationBuilder.CreateTable(
                name: "categories",
                schema: "pos",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    conditions = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_categories", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "stores",
                schema: "pos",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stores", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "suppliers",
                schema: "pos",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_suppliers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "items",
                schema: "pos",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    category_id = table.Column<int>(type: "integer", nullable: false),
                    genre = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    sell_price = table.Column<int>(type: "integer", nullable: false),
                    buy_price = table.Column<int>(type: "integer", nullable: false),
                    myca_item_id = table.Column<long>(type: "bigint", nullable: true),
                    myca_price = table.Column<int>(type: "integer", nullable: true),
                    myca_price_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ec_linked = table.Column<bool>(type: "boolean", nullable: false),
                    ec_product_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    deleted = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_items", x => x.id);
                    table.CheckConstraint("ck_items_prices_not_negative", "sell_price >= 0 AND buy_price >= 0");
                    table.ForeignKey(
                        name: "fk_items_categories_category_id",
                        column: x => x.category_id,
                        principalSchema: "pos",
                        principalTable: "categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ec_orders",
                schema: "pos",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    store_id = table.Column<int>(type: "integer", nullable: false),
                    platform = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    external_order_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    payment_method = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    payment_reference = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    payment_deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    total = table.Column<long>(type: "bigint", nullable: false),
                    customer_email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    task_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    paid_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ec_orders", x => x.id);
                    table.ForeignKey(
                        name: "fk_ec_orders_stores_store_id",
                        column: x => x.store_id,
                        principalSchema: "pos",
                        principalTable: "stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "sales",
                schema: "pos",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    store_id = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    repeat_rule = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    repeat_minutes = table.Column<int>(type: "integer", nullable: true),
                    quantity_limit = table.Column<int>(type: "integer", nullable: true),
                    sold_count = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sales", x => x.id);
                    table.CheckConstraint("ck_sales_quantity_limit_positive", "quantity_limit IS NULL OR quantity_limit > 0");
                    table.CheckConstraint("ck_sales_sold_count_not_negative", "sold_count >= 0");
                    table.ForeignKey(
                        name: "fk_sales_stores_store_id",
                        column: x => x.store_id,
                        principalSchema: "pos",
                        principalTable: "stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "set_deals",
                schema: "pos",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    store_id = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    price = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    expires_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_set_deals", x => x.id);
                    table.CheckConstraint("ck_set_deals_price_not_negative", "price >= 0");
                    table.ForeignKey(
                        name: "fk_set_deals_stores_store_id",
                        column: x => x.store_id,
                        principalSchema: "pos",
                        principalTable: "stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "transactions",
                schema: "pos",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    store_id = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    total = table.Column<long>(type: "bigint", nullable: false),
                    discount = table.Column<long>(type: "bigint", nullable: false),
                    payment_method = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    content_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    original_transaction_id = table.Column<long>(type: "bigint", nullable: true),
                    task_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transactions", x => x.id);
                    table.ForeignKey(
                        name: "fk_transactions_stores_store_id",
                        column: x => x.store_id,
                        principalSchema: "pos",
                        principalTable: "stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_transactions_transactions_original_transaction_id",
                        column: x => x.original_transaction_id,
                        principalSchema: "pos",
                        principalTable: "transactions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "stock_receipts",
                schema: "pos",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    store_id = table.Column<int>(type: "integer", nullable: false),
                    supplier_id = table.Column<int>(type: "integer", nullable: false),
                    task_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    line_count = table.Column<int>(type: "integer", nullable: false),
                    total_quantity = table.Column<long>(type: "bigint", nullable: false),
                    total_cost = table.Column<long>(type: "bigint", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stock_receipts", x => x.id);
                    table.ForeignKey(
                        name: "fk_stock_receipts_stores_store_id",
                        column: x => x.store_id,
                        principalSchema: "pos",
                        principalTable: "stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_stock_receipts_suppliers_supplier_id",
                        column: x => x.supplier_id,
                        principalSchema: "pos",
                        principalTable: "suppliers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "products",
                schema: "pos",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    sku = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    item_id = table.Column<int>(type: "integer", nullable: true),
                    condition = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    sell_price = table.Column<int>(type: "integer", nullable: true),
                    buy_price = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_products", x => x.id);
                    table.ForeignKey(
                        name: "fk_products_items_item_id",
                        column: x => x.item_id,
                        principalSchema: "pos",
                        principalTable: "items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "bundle_items",
                schema: "pos",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    store_id = table.Column<int>(type: "integer", nullable: false),
                    product_id = table.Column<int>(type: "integer", nullable: false),
                    quantity = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    expires_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bundle_items", x => x.id);
                    table.CheckConstraint("ck_bundle_items_quantity_positive", "quantity > 0");
                    table.ForeignKey(
                        name: "fk_bundle_items_products_product_id",
                        column: x => x.product_id,
                        principalSchema: "pos",
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_bundle_items_stores_store_id",
                        column: x => x.store_id,
                        principalSchema: "pos",
                        principalTable: "stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ec_order_lines",
                schema: "pos",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    order_id = table.Column<long>(type: "bigint", nullable: false),
                    line_number = table.Column<int>(type: "integer", nullable: false),
                    product_id = table.Column<int>(type: "integer", nullable: false),
                    external_product_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    quantity = table.Column<int>(type: "integer", nullable: false),
                    unit_price = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ec_order_lines", x => x.id);
                    table.CheckConstraint("ck_ec_order_lines_quantity_positive", "quantity > 0");
                    table.ForeignKey(
                        name: "fk_ec_order_lines_ec_orders_order_id",
                        column: x => x.order_id,
                        principalSchema: "pos",
                        principalTable: "ec_orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_ec_order_lines_products_product_id",
                        column: x => x.product_id,
                        principalSchema: "pos",
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ec_stock_sync",
                schema: "pos",
                columns: table => new
                {
                    store_id = table.Column<int>(type: "integer", nullable: false),
                    product_id = table.Column<int>(type: "integer", nullable: false),
                    stock_changed = table.Column<bool>(type: "boolean", nullable: false),
                    price_changed = table.Column<bool>(type: "boolean", nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ec_stock_sync", x => new { x.store_id, x.product_id });
                    table.ForeignKey(
                        name: "fk_ec_stock_sync_products_product_id",
                        column: x => x.product_id,
                        principalSchema: "pos",
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_ec_stock_sync_stores_store_id",
                        column: x => x.store_id,
                        principalSchema: "pos",
                        principalTable: "stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "sale_products",
                schema: "pos",
                columns: table => new
                {
                    sale_id = table.Column<int>(type: "integer", nullable: false),
                    product_id = table.Column<int>(type: "integer", nullable: false),
                    price = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sale_products", x => new { x.sale_id, x.product_id });
                    table.CheckConstraint("ck_sale_products_price_not_negative", "price >= 0");
                    table.ForeignKey(
                        name: "fk_sale_products_products_product_id",
                        column: x => x.product_id,
                        principalSchema: "pos",
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_sale_products_sales_sale_id",
                        column: x => x.sale_id,
                        principalSchema: "pos",
                        principalTable: "sales",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "set_deal_products",
                schema: "pos",
                columns: table => new
                {
                    set_deal_id = table.Column<int>(type: "integer", nullable: false),
                    product_id = table.Column<int>(type: "integer", nullable: false),
                    quantity = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_set_deal_products", x => new { x.set_deal_id, x.product_id });
                    table.CheckConstraint("ck_set_deal_products_quantity_positive", "quantity > 0");
                    table.ForeignKey(
                        name: "fk_set_deal_products_products_product_id",
                        column: x => x.product_id,
                        principalSchema: "pos",
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_set_deal_products_set_deals_set_deal_id",
                        column: x => x.set_deal_id,
                        principalSchema: "pos",
                        principalTable: "set_deals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "stock_levels",
                schema: "pos",
                columns: table => new
                {
                    store_id = table.Column<int>(type: "integer", nullable: false),
                    product_id = table.Column<int>(type: "integer", nullable: false),
                    quantity = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stock_levels", x => new { x.store_id, x.product_id });
                    table.CheckConstraint("ck_stock_levels_quantity_not_negative", "quantity >= 0");
                    table.ForeignKey(
                        name: "fk_stock_levels_products_product_id",
                        column: x => x.product_id,
                        principalSchema: "pos",
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_stock_levels_stores_store_id",
                        column: x => x.store_id,
                        principalSchema: "pos",
                        principalTable: "stores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "stock_receipt_lines",
                schema: "pos",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    receipt_id = table.Column<long>(type: "bigint", nullable: false),
                    line_number = table.Column<long>(type: "bigint", nullable: false),
                    product_id = table.Column<int>(type: "integer", nullable: false),
                    quantity = table.Column<int>(type: "integer", nullable: false),
                    unit_cost = table.Column<int>(type: "integer", nullable: false),
                    total = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stock_receipt_lines", x => x.id);
                    table.CheckConstraint("ck_stock_receipt_lines_quantity_positive", "quantity > 0");
                    table.CheckConstraint("ck_stock_receipt_lines_unit_cost_not_negative", "unit_cost >= 0");
                    table.ForeignKey(
                        name: "fk_stock_receipt_lines_products_product_id",
                        column: x => x.product_id,
                        principalSchema: "pos",
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_stock_receipt_lines_stock_receipts_receipt_id",
                        column: x => x.receipt_id,
                        principalSchema: "pos",
                        principalTable: "stock_receipts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "transaction_lines",
                schema: "pos",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    transaction_id = table.Column<long>(type: "bigint", nullable: false),
                    line_number = table.Column<int>(type: "integer", nullable: false),
                    product_id = table.Column<int>(type: "integer", nullable: false),
                    quantity = table.Column<int>(type: "integer", nullable: false),
                    unit_price = table.Column<int>(type: "integer", nullable: false),
                    discount = table.Column<long>(type: "bigint", nullable: false),
                    total = table.Column<long>(type: "bigint", nullable: false),
                    sale_id = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transaction_lines", x => x.id);
                    table.CheckConstraint("ck_transaction_lines_amounts_not_negative", "unit_price >= 0 AND discount >= 0");
                    table.CheckConstraint("ck_transaction_lines_quantity_positive", "quantity > 0");
                    table.ForeignKey(
                        name: "fk_transaction_lines_products_product_id",
                        column: x => x.product_id,
                        principalSchema: "pos",
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_transaction_lines_sales_sale_id",
                        column: x => x.sale_id,
                        principalSchema: "pos",
                        principalTable: "sales",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_transaction_lines_transactions_transaction_id",
                        column: x => x.transaction_id,
                        principalSchema: "pos",
                        principalTable: "transactions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "bundle_components",
                schema: "pos",
                columns: table => new
                {
                    bundle_item_id = table.Column<int>(type: "integer", nullable: false),
                    product_id = table.Column<int>(type: "integer", nullable: false),
                    quantity = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bundle_components", x => new { x.bundle_item_id, x.product_id });
                    table.CheckConstraint("ck_bundle_components_quantity_positive", "quantity > 0");
                    table.ForeignKey(
                        name: "fk_bundle_components_bundle_items_bundle_item_id",
                        column: x => x.bundle_item_id,
                        principalSchema: "pos",
                        principalTable: "bundle_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_bundle_components_products_product_id",
                        column: x => x.product_id,
                        principalSchema: "pos",
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "stock_movements",
                schema: "pos",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    store_id = table.Column<int>(type: "integer", nullable: false),
                    product_id = table.Column<int>(type: "integer", nullable: false),
                    delta = table.Column<int>(type: "integer", nullable: false),
                    quantity_after = table.Column<int>(type: "integer", nullable: false),
                    task_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    task_type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stock_movements", x => x.id);
                    table.ForeignKey(
                        name: "fk_stock_movements_stock_levels_store_id_product_id",
                        columns: x => new { x.store_id, x.product_id },
                        principalSchema: "pos",
                        principalTable: "stock_levels",
                        principalColumns: new[] { "store_id", "product_id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_bundle_components_product_id",
                schema: "pos",
                table: "bundle_components",
                column: "product_id");

            migrationBuilder.CreateIndex(
                name: "ix_bundle_items_product_id",
                schema: "pos",
                table: "bundle_items",
                column: "product_id");

            migrationBuilder.CreateIndex(
                name: "ix_bundle_items_store_id_product_id",
                schema: "pos",
                table: "bundle_items",
                columns: new[] { "store_id", "product_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_categories_code",
                schema: "pos",
                table: "categories",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ec_order_lines_order_id_line_number",
                schema: "pos",
                table: "ec_order_lines",
                columns: new[] { "order_id", "line_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ec_order_lines_product_id",
                schema: "pos",
                table: "ec_order_lines",
                column: "product_id");

            migrationBuilder.CreateIndex(
                name: "ix_ec_orders_platform_external_order_id",
                schema: "pos",
                table: "ec_orders",
                columns: new[] { "platform", "external_order_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ec_orders_status_payment_deadline",
                schema: "pos",
                table: "ec_orders",
                columns: new[] { "status", "payment_deadline" });

            migrationBuilder.CreateIndex(
                name: "ix_ec_orders_store_id",
                schema: "pos",
                table: "ec_orders",
                column: "store_id");

            migrationBuilder.CreateIndex(
                name: "ix_ec_stock_sync_product_id",
                schema: "pos",
                table: "ec_stock_sync",
                column: "product_id");

            migrationBuilder.CreateIndex(
                name: "ix_ec_stock_sync_requested_at",
                schema: "pos",
                table: "ec_stock_sync",
                column: "requested_at");

            migrationBuilder.CreateIndex(
                name: "ix_items_category_id",
                schema: "pos",
                table: "items",
                column: "category_id");

            migrationBuilder.CreateIndex(
                name: "ix_items_code",
                schema: "pos",
                table: "items",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_items_myca_item_id",
                schema: "pos",
                table: "items",
                column: "myca_item_id");

            migrationBuilder.CreateIndex(
                name: "ix_products_item_id_condition",
                schema: "pos",
                table: "products",
                columns: new[] { "item_id", "condition" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_products_sku",
                schema: "pos",
                table: "products",
                column: "sku",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sale_products_product_id",
                schema: "pos",
                table: "sale_products",
                column: "product_id");

            migrationBuilder.CreateIndex(
                name: "ix_sales_status",
                schema: "pos",
                table: "sales",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_sales_store_id_code",
                schema: "pos",
                table: "sales",
                columns: new[] { "store_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_set_deal_products_product_id",
                schema: "pos",
                table: "set_deal_products",
                column: "product_id");

            migrationBuilder.CreateIndex(
                name: "ix_set_deals_store_id_code",
                schema: "pos",
                table: "set_deals",
                columns: new[] { "store_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_stock_levels_product_id",
                schema: "pos",
                table: "stock_levels",
                column: "product_id");

            migrationBuilder.CreateIndex(
                name: "ix_stock_movements_store_id_product_id",
                schema: "pos",
                table: "stock_movements",
                columns: new[] { "store_id", "product_id" });

            migrationBuilder.CreateIndex(
                name: "ix_stock_movements_task_id",
                schema: "pos",
                table: "stock_movements",
                column: "task_id");

            migrationBuilder.CreateIndex(
                name: "ix_stock_receipt_lines_product_id",
                schema: "pos",
                table: "stock_receipt_lines",
                column: "product_id");

            migrationBuilder.CreateIndex(
                name: "ix_stock_receipt_lines_receipt_id_line_number",
                schema: "pos",
                table: "stock_receipt_lines",
                columns: new[] { "receipt_id", "line_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_stock_receipts_store_id_received_at",
                schema: "pos",
                table: "stock_receipts",
                columns: new[] { "store_id", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_stock_receipts_supplier_id",
                schema: "pos",
                table: "stock_receipts",
                column: "supplier_id");

            migrationBuilder.CreateIndex(
                name: "ix_stock_receipts_task_id_supplier_id",
                schema: "pos",
                table: "stock_receipts",
                columns: new[] { "task_id", "supplier_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_stores_code",
                schema: "pos",
                table: "stores",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_suppliers_code",
                schema: "pos",
                table: "suppliers",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_transaction_lines_product_id",
                schema: "pos",
                table: "transaction_lines",
                column: "product_id");

            migrationBuilder.CreateIndex(
                name: "ix_transaction_lines_sale_id",
                schema: "pos",
                table: "transaction_lines",
                column: "sale_id");

            migrationBuilder.CreateIndex(
                name: "ix_transaction_lines_transaction_id_line_number",
                schema: "pos",
                table: "transaction_lines",
                columns: new[] { "transaction_id", "line_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_transactions_original_transaction_id",
                schema: "pos",
                table: "transactions",
                column: "original_transaction_id");

            migrationBuilder.CreateIndex(
                name: "ix_transactions_store_id_code",
                schema: "pos",
                table: "transactions",
                columns: new[] { "store_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_transactions_task_id",
                schema: "pos",
                table: "transactions",
                column: "task_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bundle_components",
                schema: "pos");

            migrationBuilder.DropTable(
                name: "ec_order_lines",
                schema: "pos");

            migrationBuilder.DropTable(
                name: "ec_stock_sync",
                schema: "pos");

            migrationBuilder.DropTable(
                name: "sale_products",
                schema: "pos");

            migrationBuilder.DropTable(
                name: "set_deal_products",
                schema: "pos");

            migrationBuilder.DropTable(
                name: "stock_movements",
                schema: "pos");

            migrationBuilder.DropTable(
                name: "stock_receipt_lines",
                schema: "pos");

            migrationBuilder.DropTable(
                name: "transaction_lines",
                schema: "pos");

            migrationBuilder.DropTable(
                name: "bundle_items",
                schema: "pos");

            migrationBuilder.DropTable(
                name: "ec_orders",
                schema: "pos");

            migrationBuilder.DropTable(
                name: "set_deals",
                schema: "pos");

            migrationBuilder.DropTable(
                name: "stock_levels",
                schema: "pos");

            migrationBuilder.DropTable(
                name: "stock_receipts",
                schema: "pos");

            migrationBuilder.DropTable(
                name: "sales",
                schema: "pos");

            migrationBuilder.DropTable(
                name: "transactions",
                schema: "pos");

            migrationBuilder.DropTable(
                name: "products",
                schema: "pos");

            migrationBuilder.DropTable(
                name: "suppliers",
                schema: "pos");

            migrationBuilder.DropTable(
                name: "stores",
                schema: "pos");

            migrationBuilder.DropTable(
                name: "items",
                schema: "pos");

            migrationBuilder.DropTable(
                name: "categories",
                schema: "pos");
        }
    }
}
