using System.Globalization;
using System.Text;

namespace PipelineSeg.Nn;

/// <summary>
/// A pickle interpreter (protocols 0–5) that builds only data: None, bool, int, float, str, bytes, tuple, list, dict,
/// set, plus whatever the <see cref="IPickleEnvironment"/> allow-list yields. Globals are resolved by name through the
/// environment before anything is called, so a stream that names <c>os.system</c> or <c>builtins.eval</c> is refused at
/// the GLOBAL opcode; INST, OBJ and the extension registry are refused outright. Nothing in the stream is executed.
/// </summary>
internal sealed class RestrictedUnpickler(PickleReader reader, IPickleEnvironment environment)
{
    private readonly Dictionary<long, object?> memo = [];
    private readonly Stack<List<object?>> marks = new();
    private List<object?> stack = [];

    /// <summary>Reads one pickle (up to its STOP) and returns its value; the reader is left after the STOP.</summary>
    public object? Load()
    {
        memo.Clear();
        marks.Clear();
        stack = [];
        while (true)
        {
            var at = reader.Position;
            var op = reader.Byte();
            if (op == '.')
            {
                return Pop();
            }
            try
            {
                Step(op);
            }
            catch (Exception e) when (e is not (InvalidDataException or UnpicklingRefusedException))
            {
                throw new InvalidDataException($"pickle: opcode 0x{op:x2} at offset {at}: {e.Message}", e);
            }
        }
    }

    private void Step(byte op)
    {
        switch (op)
        {
            case 0x80: reader.Byte(); break;                                   // PROTO
            case 0x95: reader.Int64(); break;                                  // FRAME (a hint only)
            case (byte)'(': marks.Push(stack); stack = []; break;              // MARK
            case (byte)'0': Pop(); break;                                      // POP
            case (byte)'1': PopMark(); break;                                  // POP_MARK
            case (byte)'2': Push(Peek()); break;                               // DUP
            case (byte)'N': Push(null); break;
            case 0x88: Push(true); break;
            case 0x89: Push(false); break;
            case (byte)'I': Push(TextInt(reader.Line())); break;
            case (byte)'J': Push((long)reader.Int32()); break;
            case (byte)'K': Push((long)reader.Byte()); break;
            case (byte)'M': Push((long)reader.UInt16()); break;
            case (byte)'L': Push(TextLong(reader.Line())); break;
            case 0x8a: Push(reader.SignedInteger(reader.Byte())); break;       // LONG1
            case 0x8b: Push(reader.SignedInteger(reader.Int32())); break;      // LONG4
            case (byte)'F': Push(double.Parse(reader.Line(), CultureInfo.InvariantCulture)); break;
            case (byte)'G': Push(reader.BigEndianDouble()); break;
            case (byte)'S': Push(TextString(reader.Line())); break;
            case (byte)'T': Push(Latin1(reader.Take(reader.Int32()))); break;  // BINSTRING (Python 2 str)
            case (byte)'U': Push(Latin1(reader.Take(reader.Byte()))); break;   // SHORT_BINSTRING
            case (byte)'V': Push(TextUnicode(reader.Line())); break;
            case (byte)'X': Push(reader.Utf8(reader.UInt32())); break;
            case 0x8c: Push(reader.Utf8(reader.Byte())); break;                // SHORT_BINUNICODE
            case 0x8d: Push(reader.Utf8(reader.Int64())); break;               // BINUNICODE8
            case (byte)'B': Push(reader.Take(reader.UInt32()).ToArray()); break;
            case (byte)'C': Push(reader.Take(reader.Byte()).ToArray()); break;
            case 0x8e: Push(reader.Take(reader.Int64()).ToArray()); break;     // BINBYTES8
            case 0x96: Push(reader.Take(reader.Int64()).ToArray()); break;     // BYTEARRAY8
            case (byte)')': Push(PickleTuple.Empty); break;
            case (byte)'t': Push(new PickleTuple(PopMark())); break;
            case 0x85: Push(TupleOf(1)); break;
            case 0x86: Push(TupleOf(2)); break;
            case 0x87: Push(TupleOf(3)); break;
            case (byte)']': Push(new List<object?>()); break;
            case (byte)'l': Push(PopMark()); break;
            case (byte)'a': Append([Pop()]); break;
            case (byte)'e': Append(PopMark()); break;
            case (byte)'}': Push(new PickleDict()); break;
            case (byte)'d': Push(SetItems(new PickleDict(), PopMark())); break;
            case (byte)'s': { var value = Pop(); var key = Pop(); SetItems(PeekDict(), [key, value]); break; }
            case (byte)'u': { var items = PopMark(); SetItems(PeekDict(), items); break; }
            case 0x8f: Push(new HashSet<object?>()); break;                   // EMPTY_SET
            case 0x90: AddItems(PopMark()); break;                             // ADDITEMS
            case 0x91: Push(new HashSet<object?>(PopMark())); break;          // FROZENSET
            case (byte)'g': Push(Get(long.Parse(reader.Line(), CultureInfo.InvariantCulture))); break;
            case (byte)'h': Push(Get(reader.Byte())); break;
            case (byte)'j': Push(Get(reader.UInt32())); break;
            case (byte)'p': memo[long.Parse(reader.Line(), CultureInfo.InvariantCulture)] = Peek(); break;
            case (byte)'q': memo[reader.Byte()] = Peek(); break;
            case (byte)'r': memo[reader.UInt32()] = Peek(); break;
            case 0x94: memo[memo.Count] = Peek(); break;                      // MEMOIZE
            case (byte)'c': { var line = reader.Line(); Push(environment.ResolveGlobal(line, reader.Line())); break; }
            case 0x93: { var name = Pop(); var module = Pop(); Push(environment.ResolveGlobal(Text(module), Text(name))); break; }
            case (byte)'R': { var args = Pop(); var callable = Pop(); Push(Call(callable, args)); break; }
            case 0x81: { var args = Pop(); var cls = Pop(); Push(Call(cls, args)); break; }  // NEWOBJ
            case (byte)'b': { var state = Pop(); Build(Peek(), state); break; }
            case (byte)'P': Push(environment.PersistentLoad(reader.Line())); break;
            case (byte)'Q': Push(environment.PersistentLoad(Pop())); break;
            default:
                throw new UnpicklingRefusedException($"pickle opcode 0x{op:x2} ('{(char)op}') at offset {reader.Position - 1} is not allowed "
                    + "(INST, OBJ, NEWOBJ_EX, extension codes and out-of-band buffers build arbitrary objects)");
        }
    }

    private void Push(object? value) => stack.Add(value);

    private object? Peek() => stack.Count > 0 ? stack[^1] : throw new InvalidDataException("pickle stack underflow");

    private object? Pop()
    {
        var value = Peek();
        stack.RemoveAt(stack.Count - 1);
        return value;
    }

    private List<object?> PopMark()
    {
        var items = stack;
        stack = marks.Count > 0 ? marks.Pop() : throw new InvalidDataException("pickle: no MARK to pop to");
        return items;
    }

    private PickleTuple TupleOf(int count)
    {
        if (stack.Count < count)
        {
            throw new InvalidDataException("pickle stack underflow");
        }
        var items = stack.GetRange(stack.Count - count, count);
        stack.RemoveRange(stack.Count - count, count);
        return new PickleTuple(items);
    }

    private object? Get(long key) =>
        memo.TryGetValue(key, out var value) ? value : throw new InvalidDataException($"pickle: memo key {key} was never stored");

    private void Append(List<object?> items)
    {
        if (Peek() is not List<object?> list)
        {
            throw new UnpicklingRefusedException($"pickle: APPEND on {PickleValues.Describe(Peek())}, only lists are built");
        }
        list.AddRange(items);
    }

    private void AddItems(List<object?> items)
    {
        if (Peek() is not HashSet<object?> set)
        {
            throw new UnpicklingRefusedException($"pickle: ADDITEMS on {PickleValues.Describe(Peek())}, only sets are built");
        }
        set.UnionWith(items);
    }

    private PickleDict PeekDict() =>
        Peek() as PickleDict ?? throw new UnpicklingRefusedException($"pickle: SETITEM on {PickleValues.Describe(Peek())}, only dicts are built");

    private static PickleDict SetItems(PickleDict dict, List<object?> items)
    {
        if (items.Count % 2 != 0)
        {
            throw new InvalidDataException("pickle: odd number of items for a dict");
        }
        for (var i = 0; i < items.Count; i += 2)
        {
            dict[items[i] ?? throw new UnpicklingRefusedException("pickle: a None dict key is not supported")] = items[i + 1];
        }
        return dict;
    }

    private static object? Call(object? callable, object? args)
    {
        if (callable is not IPickleCallable function)
        {
            throw new UnpicklingRefusedException($"pickle: cannot call {PickleValues.Describe(callable)}");
        }
        return function.Call(PickleValues.Tuple(args, $"the arguments of {function.Name}"));
    }

    private static void Build(object? target, object? state)
    {
        if (target is not IPickleBuildable buildable)
        {
            throw new UnpicklingRefusedException($"pickle: BUILD (set state) on {PickleValues.Describe(target)} is not allowed");
        }
        buildable.SetState(state);
    }

    private static string Text(object? value) =>
        value as string ?? throw new InvalidDataException($"pickle: STACK_GLOBAL needs strings, got {PickleValues.Describe(value)}");

    private static object TextInt(string line) => line switch
    {
        "00" => false,
        "01" => true,
        _ => long.Parse(line, CultureInfo.InvariantCulture),
    };

    private static object TextLong(string line)
    {
        var value = System.Numerics.BigInteger.Parse(line.TrimEnd('L'), CultureInfo.InvariantCulture);
        return value >= long.MinValue && value <= long.MaxValue ? (long)value : value;
    }

    private static string TextString(string line)
    {
        if (line.Length < 2 || line[0] != line[^1] || line[0] is not ('\'' or '"') || line.Contains('\\', StringComparison.Ordinal))
        {
            throw new UnpicklingRefusedException("pickle: only plain quoted STRING arguments (no escapes) are supported");
        }
        return line[1..^1];
    }

    private static string TextUnicode(string line) => line.Contains('\\', StringComparison.Ordinal)
        ? throw new UnpicklingRefusedException("pickle: UNICODE arguments with escapes are not supported")
        : line;

    private static string Latin1(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes);
}
