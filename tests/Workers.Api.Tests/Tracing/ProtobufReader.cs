namespace Workers.Api.Tests.Tracing;

// Just enough of the protobuf wire format to read OTLP: varints, fixed 32/64-bit fields and length-delimited
// fields (strings, bytes, nested messages). https://protobuf.dev/programming-guides/encoding/
internal ref struct ProtobufReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;

    public bool TryReadField(out int number, out int wireType)
    {
        if (_position >= _data.Length)
        {
            number = wireType = 0;
            return false;
        }

        var key = ReadVarint();
        number = (int)(key >> 3);
        wireType = (int)(key & 7);
        return true;
    }

    public ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = _data[_position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }
    }

    public ReadOnlySpan<byte> ReadBytes()
    {
        var length = (int)ReadVarint();
        var bytes = _data.Slice(_position, length);
        _position += length;
        return bytes;
    }

    public void Skip(int wireType)
    {
        switch (wireType)
        {
            case 0: ReadVarint(); break;
            case 1: _position += 8; break;
            case 2: ReadBytes(); break;
            case 5: _position += 4; break;
            default: throw new InvalidDataException($"Unsupported protobuf wire type {wireType}.");
        }
    }
}
