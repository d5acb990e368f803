namespace PipelineSeg.Imaging.Nifti;

/// <summary>qform/sform ↔ affine conversions (nifti1_io.c, in double precision), with nibabel's choice of affine.</summary>
public static class NiftiAffine
{
    /// <summary>The index→RAS affine nibabel reports: sform when sform_code &gt; 0, else qform when qform_code &gt; 0, else the Analyze-style base affine.</summary>
    public static double[] BestRasAffine(NiftiHeader h, VolumeSize size)
    {
        ArgumentNullException.ThrowIfNull(h);
        if (h.SformCode > 0)
        {
            var a = new double[16];
            for (var i = 0; i < 12; i++)
            {
                a[i] = h.SRow[i];
            }
            a[15] = 1;
            return a;
        }
        return h.QformCode > 0 ? QformAffine(h) : BaseAffine(h, size);
    }

    /// <summary>quatern_to_mat44 of nifti1_io.</summary>
    public static double[] QformAffine(NiftiHeader h)
    {
        ArgumentNullException.ThrowIfNull(h);
        double b = h.Quatern[0], c = h.Quatern[1], d = h.Quatern[2];
        var aa = 1.0 - ((b * b) + (c * c) + (d * d));
        double a;
        if (aa < 1e-7)
        {
            a = 0;
            var n = 1.0 / Math.Sqrt((b * b) + (c * c) + (d * d));
            b *= n;
            c *= n;
            d *= n;
        }
        else
        {
            a = Math.Sqrt(aa);
        }
        var qfac = h.PixDim[0] < 0 ? -1.0 : 1.0;
        var dx = Zoom(h.PixDim[1]);
        var dy = Zoom(h.PixDim[2]);
        var dz = Zoom(h.PixDim[3]) * qfac;
        return
        [
            ((a * a) + (b * b) - (c * c) - (d * d)) * dx, 2 * ((b * c) - (a * d)) * dy, 2 * ((b * d) + (a * c)) * dz, h.QOffset[0],
            2 * ((b * c) + (a * d)) * dx, ((a * a) + (c * c) - (b * b) - (d * d)) * dy, 2 * ((c * d) - (a * b)) * dz, h.QOffset[1],
            2 * ((b * d) - (a * c)) * dx, 2 * ((c * d) + (a * b)) * dy, ((a * a) + (d * d) - (c * c) - (b * b)) * dz, h.QOffset[2],
            0, 0, 0, 1,
        ];
    }

    /// <summary>nibabel's get_base_affine: x flipped, centred on the volume.</summary>
    public static double[] BaseAffine(NiftiHeader h, VolumeSize size)
    {
        ArgumentNullException.ThrowIfNull(h);
        var zx = -Zoom(h.PixDim[1]);
        var zy = Zoom(h.PixDim[2]);
        var zz = Zoom(h.PixDim[3]);
        return
        [
            zx, 0, 0, -(size.X - 1) / 2.0 * zx,
            0, zy, 0, -(size.Y - 1) / 2.0 * zy,
            0, 0, zz, -(size.Z - 1) / 2.0 * zz,
            0, 0, 0, 1,
        ];
    }

    /// <summary>Fills pixdim, quaternion, offsets and srow from an index→RAS affine (nifti_mat44_to_quatern).</summary>
    public static void SetAffine(NiftiHeader h, ReadOnlySpan<double> ras)
    {
        ArgumentNullException.ThrowIfNull(h);
        for (var i = 0; i < 12; i++)
        {
            h.SRow[i] = (float)ras[i];
        }
        h.QOffset[0] = (float)ras[3];
        h.QOffset[1] = (float)ras[7];
        h.QOffset[2] = (float)ras[11];
        var c0 = new Vec3(ras[0], ras[4], ras[8]);
        var c1 = new Vec3(ras[1], ras[5], ras[9]);
        var c2 = new Vec3(ras[2], ras[6], ras[10]);
        double dx = c0.Length, dy = c1.Length, dz = c2.Length;
        h.PixDim[1] = (float)dx;
        h.PixDim[2] = (float)dy;
        h.PixDim[3] = (float)dz;
        var r = Orthogonalize(Matrix3.FromColumns(c0.Normalized(), c1.Normalized(), c2.Normalized()));
        var qfac = 1.0;
        if (r.Determinant < 0)
        {
            qfac = -1;
            r = Matrix3.FromColumns(r.Column(0), r.Column(1), -r.Column(2));
        }
        h.PixDim[0] = (float)qfac;
        var (b, c, d) = ToQuaternion(r);
        h.Quatern[0] = (float)b;
        h.Quatern[1] = (float)c;
        h.Quatern[2] = (float)d;
    }

    private static (double B, double C, double D) ToQuaternion(Matrix3 r)
    {
        double r11 = r.M00, r12 = r.M01, r13 = r.M02, r21 = r.M10, r22 = r.M11, r23 = r.M12, r31 = r.M20, r32 = r.M21, r33 = r.M22;
        double a = r11 + r22 + r33 + 1, b, c, d;
        if (a > 0.5)
        {
            a = 0.5 * Math.Sqrt(a);
            b = 0.25 * (r32 - r23) / a;
            c = 0.25 * (r13 - r31) / a;
            d = 0.25 * (r21 - r12) / a;
        }
        else
        {
            var xd = 1.0 + r11 - (r22 + r33);
            var yd = 1.0 + r22 - (r11 + r33);
            var zd = 1.0 + r33 - (r11 + r22);
            if (xd > 1)
            {
                b = 0.5 * Math.Sqrt(xd);
                c = 0.25 * (r12 + r21) / b;
                d = 0.25 * (r13 + r31) / b;
                a = 0.25 * (r32 - r23) / b;
            }
            else if (yd > 1)
            {
                c = 0.5 * Math.Sqrt(yd);
                b = 0.25 * (r12 + r21) / c;
                d = 0.25 * (r23 + r32) / c;
                a = 0.25 * (r13 - r31) / c;
            }
            else
            {
                d = 0.5 * Math.Sqrt(zd);
                b = 0.25 * (r13 + r31) / d;
                c = 0.25 * (r23 + r32) / d;
                a = 0.25 * (r21 - r12) / d;
            }
            if (a < 0)
            {
                b = -b;
                c = -c;
                d = -d;
            }
        }
        return (b, c, d);
    }

    // Nearest orthogonal matrix (polar decomposition by Newton iteration), as nifti1_io does before extracting the quaternion.
    private static Matrix3 Orthogonalize(Matrix3 m)
    {
        for (var i = 0; i < 20; i++)
        {
            var inverseTranspose = m.Inverse().Transposed();
            var next = Scale(Add(m, inverseTranspose), 0.5);
            if (Matrix3.MaxAbsDifference(next, m) < 1e-15)
            {
                return next;
            }
            m = next;
        }
        return m;
    }

    private static Matrix3 Add(Matrix3 a, Matrix3 b) =>
        Matrix3.FromColumns(a.Column(0) + b.Column(0), a.Column(1) + b.Column(1), a.Column(2) + b.Column(2));

    private static Matrix3 Scale(Matrix3 a, double s) => Matrix3.FromColumns(a.Column(0) * s, a.Column(1) * s, a.Column(2) * s);

    private static double Zoom(float pixdim) => pixdim == 0 ? 1.0 : Math.Abs(pixdim);
}
