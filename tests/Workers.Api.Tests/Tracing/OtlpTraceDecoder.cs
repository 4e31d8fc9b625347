using System.Text;

namespace Workers.Api.Tests.Tracing;

// Decodes an OTLP ExportTraceServiceRequest (opentelemetry/proto/collector/trace/v1): resource_spans(1) →
// resource(1).attributes(1) and scope_spans(2) → spans(2) → trace_id(1), span_id(2), parent_span_id(4),
// name(5), kind(6), attributes(9). Everything else is skipped.
internal static class OtlpTraceDecoder
{
    public static List<ReceivedSpan> Decode(ReadOnlySpan<byte> request)
    {
        var spans = new List<ReceivedSpan>();
        var reader = new ProtobufReader(request);
        while (reader.TryReadField(out var field, out var wire))
        {
            if (field == 1 && wire == 2)
            {
                ResourceSpans(reader.ReadBytes(), spans);
            }
            else
            {
                reader.Skip(wire);
            }
        }

        return spans;
    }

    private static void ResourceSpans(ReadOnlySpan<byte> data, List<ReceivedSpan> spans)
    {
        var service = "";
        var scopes = new List<byte[]>();
        var reader = new ProtobufReader(data);
        while (reader.TryReadField(out var field, out var wire))
        {
            if (field == 1 && wire == 2)
            {
                service = Attributes(reader.ReadBytes(), attributeField: 1).GetValueOrDefault("service.name", "");
            }
            else if (field == 2 && wire == 2)
            {
                scopes.Add(reader.ReadBytes().ToArray());
            }
            else
            {
                reader.Skip(wire);
            }
        }

        foreach (var scope in scopes)
        {
            var scopeReader = new ProtobufReader(scope);
            while (scopeReader.TryReadField(out var field, out var wire))
            {
                if (field == 2 && wire == 2)
                {
                    spans.Add(Span(service, scopeReader.ReadBytes()));
                }
                else
                {
                    scopeReader.Skip(wire);
                }
            }
        }
    }

    private static ReceivedSpan Span(string service, ReadOnlySpan<byte> data)
    {
        string traceId = "", spanId = "", parent = "", name = "";
        var kind = 0;
        var reader = new ProtobufReader(data);
        while (reader.TryReadField(out var field, out var wire))
        {
            switch (field, wire)
            {
                case (1, 2): traceId = Convert.ToHexStringLower(reader.ReadBytes()); break;
                case (2, 2): spanId = Convert.ToHexStringLower(reader.ReadBytes()); break;
                case (4, 2): parent = Convert.ToHexStringLower(reader.ReadBytes()); break;
                case (5, 2): name = Encoding.UTF8.GetString(reader.ReadBytes()); break;
                case (6, 0): kind = (int)reader.ReadVarint(); break;
                default: reader.Skip(wire); break;
            }
        }

        return new ReceivedSpan(service, traceId, spanId, parent, name, kind, Attributes(data, attributeField: 9));
    }

    // The KeyValue fields numbered `attributeField` of a message, with string (1), bool (2) and int (3) values.
    private static Dictionary<string, string> Attributes(ReadOnlySpan<byte> message, int attributeField)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        var reader = new ProtobufReader(message);
        while (reader.TryReadField(out var field, out var wire))
        {
            if (field != attributeField || wire != 2)
            {
                reader.Skip(wire);
                continue;
            }

            string key = "", value = "";
            var pair = new ProtobufReader(reader.ReadBytes());
            while (pair.TryReadField(out var pairField, out var pairWire))
            {
                if (pairField == 1 && pairWire == 2)
                {
                    key = Encoding.UTF8.GetString(pair.ReadBytes());
                }
                else if (pairField == 2 && pairWire == 2)
                {
                    value = AnyValue(pair.ReadBytes());
                }
                else
                {
                    pair.Skip(pairWire);
                }
            }

            attributes[key] = value;
        }

        return attributes;
    }

    private static string AnyValue(ReadOnlySpan<byte> data)
    {
        var reader = new ProtobufReader(data);
        while (reader.TryReadField(out var field, out var wire))
        {
            switch (field, wire)
            {
                case (1, 2): return Encoding.UTF8.GetString(reader.ReadBytes());
                case (2, 0): return reader.ReadVarint() != 0 ? "true" : "false";
                case (3, 0): return ((long)reader.ReadVarint()).ToString(System.Globalization.CultureInfo.InvariantCulture);
                default: reader.Skip(wire); break;
            }
        }

        return "";
    }
}
