#!/usr/bin/python3
"""Synthetic codec test set: native images made here (numpy, fixed seed), compressed with independent encoders
(dcmtk dcmcjpeg / dcmcjpls / dcmcrle, libjpeg-turbo cjpeg for 4:2:0, restart markers, progressive, arithmetic,
OpenJPEG through Pillow for reversible JPEG 2000), then
reference pixels extracted with extract_references.py.

usage: make_synthetic.py OUT_DIR
Lossless cases are compared with their native twin (the original image), lossy ones with the dcmtk-decoded file.
Writes OUT_DIR/manifest.json (see extract_references.py). Needs dcmtk and libjpeg-turbo-progs (cjpeg).
"""
import os
import shutil
import subprocess
import sys

import io

import numpy as np
import pydicom
from PIL import Image
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.encaps import encapsulate
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import extract_references  # noqa: E402

RNG = np.random.default_rng(20240611)


def image(rows, cols, frames=1, samples=1, low=0, high=255):
    """Smooth gradients, a flat block (JPEG-LS run mode), an edge, and noise in one quadrant."""
    y, x = np.mgrid[0:rows, 0:cols].astype(np.float64)
    out = []
    for f in range(frames):
        planes = []
        for s in range(samples):
            base = 0.5 + 0.35 * np.sin(x / (5.0 + s) + f) * np.cos(y / (7.0 + 2 * s))
            base[: rows // 3, : cols // 3] = 0.2 + 0.1 * s  # flat
            base[:, cols // 2] = 0.95  # edge
            noise = RNG.normal(0, 0.08, size=(rows, cols))
            noise[: rows // 2, :] = 0
            planes.append(np.clip(base + noise, 0, 1))
        plane = np.stack(planes, axis=-1) if samples > 1 else planes[0]
        out.append(low + plane * (high - low))
    return np.rint(np.stack(out) if frames > 1 else out[0])


def native(path, pixels, bits_stored, signed=False, bits_allocated=None, photometric=None, planar=0, frames=1):
    samples = 3 if pixels.ndim == (4 if frames > 1 else 3) else 1
    bits_allocated = bits_allocated or (8 if bits_stored <= 8 else 16 if bits_stored <= 16 else 32)
    dtype = {8: np.uint8, 16: np.uint16, 32: np.uint32}[bits_allocated]
    if signed:
        dtype = {8: np.int8, 16: np.int16, 32: np.int32}[bits_allocated]
    data = pixels.astype(dtype)
    if samples == 3 and planar == 1:
        data = np.moveaxis(data, -1, -3)
    ds = Dataset()
    ds.file_meta = FileMetaDataset()
    ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds.file_meta.MediaStorageSOPClassUID = "1.2.840.10008.5.1.4.1.1.7"
    ds.file_meta.MediaStorageSOPInstanceUID = generate_uid()
    ds.SOPClassUID = ds.file_meta.MediaStorageSOPClassUID
    ds.SOPInstanceUID = ds.file_meta.MediaStorageSOPInstanceUID
    ds.StudyInstanceUID = generate_uid()
    ds.SeriesInstanceUID = generate_uid()
    ds.Modality = "OT"
    ds.PatientName = "Synthetic^Codec"
    ds.PatientID = "SYNTH"
    shape = pixels.shape
    ds.Rows = shape[1] if frames > 1 else shape[0]
    ds.Columns = shape[2] if frames > 1 else shape[1]
    if frames > 1:
        ds.NumberOfFrames = frames
    ds.SamplesPerPixel = samples
    ds.PhotometricInterpretation = photometric or ("RGB" if samples == 3 else "MONOCHROME2")
    if samples == 3:
        ds.PlanarConfiguration = planar
    ds.BitsAllocated = bits_allocated
    ds.BitsStored = bits_stored
    ds.HighBit = bits_stored - 1
    ds.PixelRepresentation = 1 if signed else 0
    ds.PixelData = data.tobytes()
    ds.is_little_endian = True
    ds.is_implicit_VR = False
    ds.save_as(path, write_like_original=False)


def wrap_jpeg(path, jpeg_path, template, transfer_syntax, photometric):
    """Encapsulates a cjpeg output file as one frame of a copy of the native template."""
    ds = pydicom.dcmread(template)
    ds.file_meta.TransferSyntaxUID = transfer_syntax
    ds.PhotometricInterpretation = photometric
    with open(jpeg_path, "rb") as f:
        ds.PixelData = encapsulate([f.read()])
    ds["PixelData"].VR = "OB"
    ds["PixelData"].is_undefined_length = True
    ds.is_implicit_VR = False
    ds.save_as(path, write_like_original=False)


def pnm(path, pixels):
    header = b"P6" if pixels.ndim == 3 else b"P5"
    with open(path, "wb") as f:
        f.write(header + b"\n%d %d\n255\n" % (pixels.shape[1], pixels.shape[0]))
        f.write(pixels.astype(np.uint8).tobytes())


def run(*command):
    subprocess.run(command, check=True, capture_output=True)


def main(out_dir):
    missing = [tool for tool in ("dcmcjpeg", "dcmcjpls", "dcmcrle", "dcmdjpeg", "dcmdjpls", "dcmdrle", "cjpeg") if not shutil.which(tool)]
    if missing:
        sys.exit("make_synthetic.py: missing tools %s (apt-get install dcmtk libjpeg-turbo-progs)" % ", ".join(missing))
    src = os.path.join(out_dir, "src")
    os.makedirs(src, exist_ok=True)
    images = {
        "gray8": (image(45, 67), dict(bits_stored=8)),
        "gray12": (image(53, 70, high=4095), dict(bits_stored=12)),
        "gray16s": (image(48, 64, low=-3000, high=3000), dict(bits_stored=16, signed=True)),
        "gray16u": (image(48, 64, high=65535), dict(bits_stored=16)),
        "gray32": (image(12, 10, high=4_000_000_000), dict(bits_stored=32)),
        "rgb8": (image(41, 75, samples=3), dict(bits_stored=8)),
        "rgb8planar": (image(41, 75, samples=3), dict(bits_stored=8, planar=1)),
        "mf16": (image(30, 40, frames=3, high=40000), dict(bits_stored=16, frames=3)),
    }
    for name, (pixels, options) in images.items():
        native(os.path.join(src, name + ".dcm"), pixels, **options)

    cases = []  # (name, source image, tool + args, lossless)
    for sv in range(1, 8):
        cases.append(("gray8-jpll-sv%d" % sv, "gray8", ["dcmcjpeg", "+el", "+sv", str(sv)], True))
        cases.append(("gray12-jpll-sv%d" % sv, "gray12", ["dcmcjpeg", "+el", "+sv", str(sv)], True))
    for sv in (1, 4, 6):
        cases.append(("gray16s-jpll-sv%d" % sv, "gray16s", ["dcmcjpeg", "+el", "+sv", str(sv)], True))
    for sv in (1, 7):
        cases.append(("gray16u-jpll-sv%d" % sv, "gray16u", ["dcmcjpeg", "+el", "+sv", str(sv)], True))
        cases.append(("gray12-jpll-sv%d-pt2" % sv, "gray12", ["dcmcjpeg", "+el", "+sv", str(sv), "+pt", "2"], False))
    cases += [
        ("rgb8-jpll-sv1", "rgb8", ["dcmcjpeg", "+e1"], True),
        ("mf16-jpll-fragments-nobot", "mf16", ["dcmcjpeg", "+e1", "+fs", "1", "-ot"], True),
        ("mf16-jpll-fragments-bot", "mf16", ["dcmcjpeg", "+e1", "+fs", "1"], True),
        ("gray8-baseline", "gray8", ["dcmcjpeg", "+eb"], False),
        ("gray12-extended", "gray12", ["dcmcjpeg", "+ee"], False),
        ("rgb8-baseline-422", "rgb8", ["dcmcjpeg", "+eb", "+s2"], False),
        ("rgb8-baseline-444", "rgb8", ["dcmcjpeg", "+eb", "+s4"], False),
        ("rgb8-baseline-422full", "rgb8", ["dcmcjpeg", "+eb", "+n2"], False),
        ("rgb8-baseline-411", "rgb8", ["dcmcjpeg", "+eb", "+n1"], False),
        ("gray8-jls", "gray8", ["dcmcjpls", "+el"], True),
        ("gray12-jls", "gray12", ["dcmcjpls", "+el"], True),
        ("gray16s-jls", "gray16s", ["dcmcjpls", "+el"], True),
        ("gray16u-jls", "gray16u", ["dcmcjpls", "+el"], True),
        ("gray8-jls-near3", "gray8", ["dcmcjpls", "+en", "+md", "3"], False),
        ("gray12-jls-near2", "gray12", ["dcmcjpls", "+en"], False),
        ("gray12-jls-presets", "gray12", ["dcmcjpls", "+el", "+t1", "5", "+t2", "20", "+t3", "90", "+rs", "32"], True),
        ("rgb8-jls-line", "rgb8", ["dcmcjpls", "+el", "+il"], True),
        ("rgb8-jls-none", "rgb8", ["dcmcjpls", "+el", "+in"], True),
        ("rgb8-jls-sample", "rgb8", ["dcmcjpls", "+el", "+is"], True),
        ("mf16-jls-fragments-nobot", "mf16", ["dcmcjpls", "+el", "+fs", "1", "-ot"], True),
        ("gray8-rle", "gray8", ["dcmcrle"], True),
        ("gray12-rle", "gray12", ["dcmcrle"], True),
        ("gray16s-rle", "gray16s", ["dcmcrle"], True),
        ("gray32-rle", "gray32", ["dcmcrle"], True),
        ("rgb8-rle", "rgb8", ["dcmcrle"], True),
        ("rgb8planar-rle", "rgb8planar", ["dcmcrle"], True),
        ("mf16-rle", "mf16", ["dcmcrle"], True),
    ]
    arguments = []
    for name, source, command, lossless in cases:
        native_path = os.path.join(src, source + ".dcm")
        path = os.path.join(src, name + ".dcm")
        run(*command, native_path, path)
        arguments.append(path + ("=" + native_path if lossless else ""))

    # libjpeg-turbo cjpeg: 4:2:0 and 1x2 subsampling, restart markers, progressive, arithmetic (wrapped as DICOM here).
    pnm(os.path.join(src, "rgb8.ppm"), images["rgb8"][0])
    pnm(os.path.join(src, "gray8.pgm"), images["gray8"][0])
    cjpeg_cases = [
        ("rgb8-cjpeg-420", "rgb8", ["-sample", "2x2"], "1.2.840.10008.1.2.4.50", "YBR_FULL_422"),
        ("rgb8-cjpeg-420-restart1", "rgb8", ["-sample", "2x2", "-restart", "1"], "1.2.840.10008.1.2.4.50", "YBR_FULL_422"),
        ("rgb8-cjpeg-12-restart2B", "rgb8", ["-sample", "1x2", "-restart", "2B"], "1.2.840.10008.1.2.4.50", "YBR_FULL_422"),
        ("gray8-cjpeg-restart3B", "gray8", ["-restart", "3B"], "1.2.840.10008.1.2.4.50", "MONOCHROME2"),
        ("rgb8-cjpeg-progressive", "rgb8", ["-progressive"], "1.2.840.10008.1.2.4.55", "YBR_FULL_422"),
        ("rgb8-cjpeg-progressive-420-restart", "rgb8", ["-progressive", "-sample", "2x2", "-restart", "1"], "1.2.840.10008.1.2.4.55", "YBR_FULL_422"),
        ("gray8-cjpeg-progressive", "gray8", ["-progressive"], "1.2.840.10008.1.2.4.55", "MONOCHROME2"),
        ("gray8-cjpeg-arithmetic", "gray8", ["-arithmetic"], "1.2.840.10008.1.2.4.51", "MONOCHROME2"),
    ]
    for name, source, options, transfer_syntax, photometric in cjpeg_cases:
        jpeg = os.path.join(src, name + ".jpg")
        extension = ".ppm" if source.startswith("rgb") else ".pgm"
        run("cjpeg", "-quality", "85", *options, "-outfile", jpeg, os.path.join(src, source + extension))
        path = os.path.join(src, name + ".dcm")
        wrap_jpeg(path, jpeg, os.path.join(src, source + ".dcm"), transfer_syntax, photometric)
        arguments.append(path)

    # OpenJPEG (through Pillow) reversible JPEG 2000: progression orders, tiles, precincts, code-block sizes, layers, RCT.
    j2k_cases = [
        ("gray8-j2k", "gray8", "L", {}),
        ("gray8-j2k-rpcl-tiles-precincts", "gray8", "L", dict(progression="RPCL", codeblock_size=(16, 16), precincts=[(32, 32), (16, 16)],
                                                               num_resolutions=4, tile_size=(32, 32))),
        ("gray8-j2k-layers", "gray8", "L", dict(quality_layers=[40, 0], quality_mode="rates")),
        ("gray8-j2k-pcrl", "gray8", "L", dict(progression="PCRL", precincts=[(16, 16)], codeblock_size=(8, 8))),
        ("gray12-j2k-rlcp", "gray12", "I;16", dict(progression="RLCP", num_resolutions=3)),
        ("gray16u-j2k", "gray16u", "I;16", {}),
        ("rgb8-j2k-rct", "rgb8", "RGB", dict(mct=1)),
        ("rgb8-j2k-cprl-tiles", "rgb8", "RGB", dict(progression="CPRL", tile_size=(20, 16))),
    ]
    for name, source, mode, options in j2k_cases:
        pixels = images[source][0]
        array = pixels.astype(np.uint16 if mode == "I;16" else np.uint8)
        buffer = io.BytesIO()
        Image.fromarray(array, mode).save(buffer, "JPEG2000", irreversible=False, no_jp2=True, **options)
        back = np.array(Image.open(io.BytesIO(buffer.getvalue())))
        if not (back == array).all():
            sys.exit("make_synthetic.py: OpenJPEG round trip of %s is not lossless" % name)
        jpeg = os.path.join(src, name + ".j2k")
        with open(jpeg, "wb") as f:
            f.write(buffer.getvalue())
        path = os.path.join(src, name + ".dcm")
        photometric = "YBR_RCT" if options.get("mct") else ("RGB" if mode == "RGB" else "MONOCHROME2")
        wrap_jpeg(path, jpeg, os.path.join(src, source + ".dcm"), "1.2.840.10008.1.2.4.90", photometric)
        arguments.append(path + "=" + os.path.join(src, source + ".dcm"))

    # OpenJPEG irreversible (9/7, ICT) JPEG 2000: compared with OpenJPEG's own decoding (no twin).
    lossy_cases = [
        ("gray8-j2k-97", "gray8", "L", dict(quality_layers=[20], quality_mode="rates")),
        ("gray16u-j2k-97", "gray16u", "I;16", dict(quality_layers=[8], quality_mode="rates", num_resolutions=4)),
        ("rgb8-j2k-97-ict", "rgb8", "RGB", dict(quality_layers=[30, 10], quality_mode="rates", mct=1)),
    ]
    for name, source, mode, options in lossy_cases:
        array = images[source][0].astype(np.uint16 if mode == "I;16" else np.uint8)
        jpeg = os.path.join(src, name + ".j2k")
        Image.fromarray(array, mode).save(jpeg, "JPEG2000", irreversible=True, no_jp2=True, **options)
        path = os.path.join(src, name + ".dcm")
        photometric = "YBR_ICT" if options.get("mct") else ("RGB" if mode == "RGB" else "MONOCHROME2")
        wrap_jpeg(path, jpeg, os.path.join(src, source + ".dcm"), "1.2.840.10008.1.2.4.91", photometric)
        arguments.append(path)

    extract_references.main(out_dir, arguments)


if __name__ == "__main__":
    main(sys.argv[1])
