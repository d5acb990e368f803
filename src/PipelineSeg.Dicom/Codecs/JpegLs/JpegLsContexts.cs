using System.Runtime.CompilerServices;

namespace PipelineSeg.Dicom.Codecs.JpegLs;

/// <summary>
/// The adaptive state of a JPEG-LS scan: 365 regular contexts (A, B, C, N) and the two run-interruption contexts
/// (A, N, Nn), updated as in T.87 A.6 and A.7.2.
/// </summary>
internal sealed class JpegLsContexts
{
    private const int Regular = 365;

    private readonly Context[] _regular = new Context[Regular];
    private readonly int[] _runA = new int[2];
    private readonly int[] _runN = new int[2];
    private readonly int[] _runNn = new int[2];
    private readonly int _near;
    private readonly int _reset;

    public JpegLsContexts(JpegLsParameters p)
    {
        _near = p.Near;
        _reset = p.Reset;
        var a = Math.Max(2, (p.Range + 32) / 64);
        Array.Fill(_regular, new Context { A = a, N = 1 });
        Array.Fill(_runA, a);
        Array.Fill(_runN, 1);
    }

    /// <summary>Bias correction C[q].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int C(int q) => _regular[q].C;

    /// <summary>Golomb parameter k for regular context q.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int GolombK(int q)
    {
        ref var c = ref _regular[q];
        int n = c.N, a = c.A, k = 0;
        while ((n << k) < a && k < 24)
        {
            k++;
        }
        return k;
    }

    /// <summary>−1 when the k = 0 lossless error mapping is inverted (2B + N − 1 &lt; 0), else 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ErrorCorrection(int q, int k) => k == 0 && _near == 0 && (2 * _regular[q].B) + _regular[q].N - 1 < 0 ? -1 : 0;

    /// <summary>A.6.1/A.6.2: updates A, B, N and the bias C of context q with the (unsigned-context) error.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Update(int q, int error)
    {
        ref var c = ref _regular[q];
        var a = c.A + Math.Abs(error);
        var b = c.B + (error * ((2 * _near) + 1));
        var n = c.N;
        if (n == _reset)
        {
            a >>= 1;
            b >>= 1;
            n >>= 1;
        }
        c.A = a;
        n++;
        c.N = n;
        if (b + n <= 0)
        {
            b += n;
            if (b <= -n)
            {
                b = -n + 1;
            }
            if (c.C > -128)
            {
                c.C--;
            }
        }
        else if (b > 0)
        {
            b -= n;
            if (b > 0)
            {
                b = 0;
            }
            if (c.C < 127)
            {
                c.C++;
            }
        }
        c.B = b;
    }

    /// <summary>A, B, C, N of one regular context, together for locality.</summary>
    private struct Context
    {
        public int A;
        public int B;
        public int C;
        public int N;
    }

    /// <summary>Golomb parameter for run-interruption context <paramref name="riType"/> (A.7.2.1).</summary>
    public int RunGolombK(int riType)
    {
        int n = _runN[riType], temp = _runA[riType] + ((n >> 1) * riType), k = 0;
        while ((n << k) < temp && k < 24)
        {
            k++;
        }
        return k;
    }

    /// <summary>A.7.2.2 inverse error mapping of a run-interruption sample.</summary>
    public int RunError(int riType, int k, int mapped)
    {
        var temp = mapped + riType;
        var map = temp & 1;
        var errorAbs = (temp + map) / 2;
        var negative = k != 0 || (2 * _runNn[riType]) >= _runN[riType];
        return (negative ? 1 : 0) == map ? -errorAbs : errorAbs;
    }

    /// <summary>A.7.2.3: updates the run-interruption context.</summary>
    public void UpdateRun(int riType, int error, int mapped)
    {
        if (error < 0)
        {
            _runNn[riType]++;
        }
        _runA[riType] += (mapped + 1 - riType) >> 1;
        if (_runN[riType] == _reset)
        {
            _runA[riType] >>= 1;
            _runN[riType] >>= 1;
            _runNn[riType] >>= 1;
        }
        _runN[riType]++;
    }
}
