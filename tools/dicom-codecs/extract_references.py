#!/usr/bin/python3
"""Reference pixels for the codec parity tests (run with Debian's /usr/bin/python3: pydicom + dcmtk).

usage: extract_references.py OUT_DIR FILE[=NATIVE_TWIN]...

For every FILE with encapsulated Pixel Data writes into OUT_DIR, under a key derived from its index (0000, 0001, ...):
  KEY.encap  the raw value of the encapsulated Pixel Data element (BOT item, fragment items, as pydicom stores it)
  KEY.eot    the Extended Offset Table value, when present
  KEY.ref    reference native pixel bytes: the file decompressed by dcmtk (dcmdjpeg / dcmdrle / dcmdjpls) and read
             back with pydicom (pydicom's own decoder when dcmtk cannot, e.g. 1-bit RLE); absent when dcmtk cannot decode it (e.g. JPEG 2000 here)
When FILE=NATIVE_TWIN is given, KEY.ref is the twin's raw native Pixel Data instead (for files no tool here decodes,
e.g. 1-bit RLE SEGs), with the twin's attributes.
and OUT_DIR/manifest.json: per file the Image Pixel attributes, the transfer syntax, and the reference's attributes
(dcmtk may change Photometric Interpretation / Planar Configuration when it converts colour).
Nothing derived from the sample files is committed; tests run this at test time.
"""
import json
import os
import subprocess
import sys

import pydicom

DECODERS = {
    "1.2.840.10008.1.2.5": "dcmdrle",
    "1.2.840.10008.1.2.4.80": "dcmdjpls",
    "1.2.840.10008.1.2.4.81": "dcmdjpls",
}
for uid in ("50", "51", "53", "55", "57", "70"):
    DECODERS["1.2.840.10008.1.2.4." + uid] = "dcmdjpeg"


def pixel_attributes(ds):
    return {
        "rows": int(ds.Rows),
        "columns": int(ds.Columns),
        "samplesPerPixel": int(ds.get("SamplesPerPixel", 1)),
        "bitsAllocated": int(ds.BitsAllocated),
        "bitsStored": int(ds.get("BitsStored", ds.BitsAllocated)),
        "pixelRepresentation": int(ds.get("PixelRepresentation", 0)),
        "planarConfiguration": int(ds.get("PlanarConfiguration", 0) or 0),
        "photometric": str(ds.get("PhotometricInterpretation", "MONOCHROME2")),
        "frames": int(ds.get("NumberOfFrames", 1) or 1),
    }


def openjpeg_reference(ds, out_dir, key, entry):
    """JPEG 2000 without a native twin: each frame decoded by OpenJPEG through Pillow."""
    import io
    import numpy as np
    from PIL import Image
    from pydicom.encaps import generate_pixel_data_frame
    frames = int(ds.get("NumberOfFrames", 1) or 1)
    signed = int(ds.get("PixelRepresentation", 0)) == 1
    chunks = []
    try:
        for frame in generate_pixel_data_frame(ds.PixelData, frames):
            array = np.array(Image.open(io.BytesIO(frame))).astype(np.int64)
            if signed:
                array -= 1 << (int(ds.BitsStored) - 1)  # Pillow shifts signed samples into its unsigned I;16 mode
            if int(ds.BitsAllocated) == 16:
                array = array.astype(np.int16 if signed else np.uint16)
            else:
                array = array.astype(np.int8 if signed else np.uint8)
            chunks.append(array.astype(array.dtype.newbyteorder("<")).tobytes())
    except Exception as error:  # Pillow without OpenJPEG, or an unsupported codestream
        entry["referenceError"] = "openjpeg: " + str(error)
        return
    with open(os.path.join(out_dir, key + ".ref"), "wb") as f:
        f.write(b"".join(chunks))
    attributes = pixel_attributes(ds)
    if attributes["photometric"] in ("YBR_ICT", "YBR_RCT"):
        attributes["photometric"] = "RGB"  # OpenJPEG applies the inverse component transform
    entry["reference"] = {"tool": "OpenJPEG (Pillow)", "attributes": attributes}


def pydicom_reference(ds, out_dir, key, entry):
    """Fallback when dcmtk cannot decode (e.g. 1-bit RLE): pydicom's pixel_array, re-packed to native bytes."""
    import numpy as np
    try:
        array = ds.pixel_array
    except Exception as error:  # no pydicom handler either: leave the file without reference
        entry["referenceError"] += " / pydicom: " + str(error)
        return
    if int(ds.BitsAllocated) == 1:
        data = np.packbits(array.astype(np.uint8).ravel(), bitorder="little").tobytes()
    else:
        data = array.astype(array.dtype.newbyteorder("<")).tobytes()
    with open(os.path.join(out_dir, key + ".ref"), "wb") as f:
        f.write(data)
    entry["reference"] = {"tool": "pydicom", "attributes": pixel_attributes(ds)}


def main(out_dir, files):
    os.makedirs(out_dir, exist_ok=True)
    manifest = []
    for index, argument in enumerate(files):
        key = "%04d" % index
        path, _, twin = argument.partition("=")
        ds = pydicom.dcmread(path)
        ts = str(ds.file_meta.TransferSyntaxUID)
        if "PixelData" not in ds or not ds.file_meta.TransferSyntaxUID.is_compressed or ts == "1.2.840.10008.1.2.1.99":
            continue  # native or deflated-dataset files: nothing for the codecs
        entry = {"key": key, "path": path, "transferSyntax": ts, "attributes": pixel_attributes(ds)}
        with open(os.path.join(out_dir, key + ".encap"), "wb") as f:
            f.write(ds.PixelData)
        if "ExtendedOffsetTable" in ds:
            with open(os.path.join(out_dir, key + ".eot"), "wb") as f:
                f.write(ds.ExtendedOffsetTable)
        tool = DECODERS.get(ts)
        if twin:
            native = pydicom.dcmread(twin)
            with open(os.path.join(out_dir, key + ".ref"), "wb") as f:
                if int(native.BitsAllocated) == 1 or native.file_meta.TransferSyntaxUID != "1.2.840.10008.1.2.2":
                    f.write(native.PixelData)
                else:  # big-endian twin: its pixels as little-endian bytes
                    array = native.pixel_array
                    f.write(array.astype(array.dtype.newbyteorder("<")).tobytes())
            entry["reference"] = {"tool": "native twin " + twin, "attributes": pixel_attributes(native)}
        elif ts in ("1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91"):
            openjpeg_reference(ds, out_dir, key, entry)
        elif tool:
            native = os.path.join(out_dir, key + ".native.dcm")
            run = subprocess.run([tool, path, native], capture_output=True, text=True)
            if run.returncode == 0:
                ref = pydicom.dcmread(native)
                with open(os.path.join(out_dir, key + ".ref"), "wb") as f:
                    f.write(ref.PixelData)
                entry["reference"] = {"tool": tool, "attributes": pixel_attributes(ref)}
                os.remove(native)
            else:
                entry["referenceError"] = (run.stdout + run.stderr).strip()[-500:]
                pydicom_reference(ds, out_dir, key, entry)
        manifest.append(entry)
    with open(os.path.join(out_dir, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
