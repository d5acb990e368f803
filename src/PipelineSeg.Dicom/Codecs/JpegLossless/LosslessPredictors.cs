using System.Runtime.CompilerServices;

namespace PipelineSeg.Dicom.Codecs.JpegLossless;

/// <summary>One of the seven T.81 lossless predictors (Table H.1); a struct so the row loop is specialised per predictor.</summary>
internal interface ILosslessPredictor
{
    /// <summary>Prediction from Ra (left), Rb (above) and Rc (above-left).</summary>
    static abstract int Predict(int ra, int rb, int rc);
}

/// <summary>Px = Ra.</summary>
internal readonly struct Predictor1 : ILosslessPredictor
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Predict(int ra, int rb, int rc) => ra;
}

/// <summary>Px = Rb.</summary>
internal readonly struct Predictor2 : ILosslessPredictor
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Predict(int ra, int rb, int rc) => rb;
}

/// <summary>Px = Rc.</summary>
internal readonly struct Predictor3 : ILosslessPredictor
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Predict(int ra, int rb, int rc) => rc;
}

/// <summary>Px = Ra + Rb − Rc.</summary>
internal readonly struct Predictor4 : ILosslessPredictor
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Predict(int ra, int rb, int rc) => ra + rb - rc;
}

/// <summary>Px = Ra + ((Rb − Rc) &gt;&gt; 1).</summary>
internal readonly struct Predictor5 : ILosslessPredictor
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Predict(int ra, int rb, int rc) => ra + ((rb - rc) >> 1);
}

/// <summary>Px = Rb + ((Ra − Rc) &gt;&gt; 1).</summary>
internal readonly struct Predictor6 : ILosslessPredictor
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Predict(int ra, int rb, int rc) => rb + ((ra - rc) >> 1);
}

/// <summary>Px = (Ra + Rb) &gt;&gt; 1.</summary>
internal readonly struct Predictor7 : ILosslessPredictor
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Predict(int ra, int rb, int rc) => (ra + rb) >> 1;
}
