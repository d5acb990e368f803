"""Writes a small multi-slice colour series and pydicom's RGB reference for it (used by the colour tests).

usage: make_colour_series.py OUT_DIR KIND SLICES [JPEG_SAMPLE]
KIND: rgb0 / rgb1 (RGB, planar configuration 0 / 1), ybr0 / ybr1 (YBR_FULL), ybr422 (native YBR_FULL_422, which is
refused), jpeg (copies of JPEG_SAMPLE, a JPEG baseline YBR_FULL image, placed as slices).
Writes OUT_DIR/series/*.dcm and OUT_DIR/reference.u8: pydicom's pixel_array of each slice in position order, turned into
RGB with convert_color_space where stored as YBR, as R, G, B planes per slice (uint8).
"""
import os
import sys

import numpy as np
import PIL  # noqa: F401  pydicom decodes the JPEG sample with Pillow; named so the tests ask for python3-pil
import pydicom
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.pixel_data_handlers.util import convert_color_space
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

SC = "1.2.840.10008.5.1.4.1.1.7"


def image(kind, k, rows, columns):
    """Smooth colour ramps with a bright square that moves per slice: every channel differs."""
    y, x = np.mgrid[0:rows, 0:columns]
    rgb = np.zeros((rows, columns, 3), np.uint8)
    rgb[..., 0] = (x * 255 // (columns - 1))
    rgb[..., 1] = (y * 255 // (rows - 1))
    rgb[..., 2] = ((x + y + 40 * k) % 256)
    rgb[rows // 4:rows // 2, columns // 4 + k:columns // 2 + k] = (250, 240, 30)
    if kind.startswith("ybr"):
        return convert_color_space(rgb, "RGB", "YBR_FULL")
    return rgb


def place(ds, series_uid, frame_uid, k):
    ds.SeriesInstanceUID = series_uid
    ds.FrameOfReferenceUID = frame_uid
    ds.SOPInstanceUID = generate_uid()
    ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    ds.InstanceNumber = k + 1
    ds.SeriesNumber = 7
    ds.ImagePositionPatient = [0.0, 0.0, 2.0 * k]
    ds.ImageOrientationPatient = [1.0, 0.0, 0.0, 0.0, 1.0, 0.0]
    ds.PixelSpacing = [1.0, 1.0]
    ds.SliceThickness = 2.0


def native(kind, k, series_uid, frame_uid, study_uid):
    rows, columns = 48, 48
    ds = Dataset()
    ds.file_meta = FileMetaDataset()
    ds.file_meta.MediaStorageSOPClassUID = SC
    ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds.SOPClassUID = SC
    ds.StudyInstanceUID = study_uid
    ds.Modality = "OT"
    ds.ConversionType = "WSD"
    ds.PatientName = "Colour^Test"
    ds.PatientID = "COLOUR"
    ds.StudyDate, ds.StudyTime, ds.AccessionNumber, ds.ReferringPhysicianName, ds.StudyID = "20260101", "120000", "", "", "1"
    ds.PatientBirthDate, ds.PatientSex = "", ""
    place(ds, series_uid, frame_uid, k)
    ds.Rows, ds.Columns = rows, columns
    ds.SamplesPerPixel = 3
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 8, 8, 7, 0
    pixels = image(kind, k, rows, columns)
    if kind == "ybr422":
        ds.PhotometricInterpretation = "YBR_FULL_422"
        ds.PlanarConfiguration = 0
        # Y Y Cb Cr for each pair of pixels (PS3.3 C.7.6.3.1.2)
        pairs = pixels.reshape(rows, columns // 2, 2, 3)
        packed = np.stack([pairs[..., 0, 0], pairs[..., 1, 0], pairs[..., 0, 1], pairs[..., 0, 2]], -1)
        ds.PixelData = packed.astype(np.uint8).tobytes()
        return ds
    ds.PhotometricInterpretation = "RGB" if kind.startswith("rgb") else "YBR_FULL"
    ds.PlanarConfiguration = int(kind[-1])
    ds.PixelData = (pixels.transpose(2, 0, 1) if ds.PlanarConfiguration == 1 else pixels).tobytes()
    return ds


def main():
    out, kind, slices = sys.argv[1], sys.argv[2], int(sys.argv[3])
    folder = os.path.join(out, "series")
    os.makedirs(folder, exist_ok=True)
    series_uid, frame_uid, study_uid = generate_uid(), generate_uid(), generate_uid()
    paths = []
    # written in reverse so the reader has to sort by position
    for k in reversed(range(slices)):
        if kind == "jpeg":
            ds = pydicom.dcmread(sys.argv[4])
            ds.StudyInstanceUID = study_uid
            place(ds, series_uid, frame_uid, k)
        else:
            ds = native(kind, k, series_uid, frame_uid, study_uid)
        path = os.path.join(folder, f"slice{k:03d}.dcm")
        ds.save_as(path, write_like_original=False)
        paths.append((k, path))
    if kind == "ybr422":
        return
    with open(os.path.join(out, "reference.u8"), "wb") as reference:
        for _, path in sorted(paths):
            ds = pydicom.dcmread(path)
            a = ds.pixel_array
            if ds.PhotometricInterpretation.startswith("YBR"):
                a = convert_color_space(a, "YBR_FULL", "RGB")
            reference.write(np.ascontiguousarray(a.transpose(2, 0, 1)).astype(np.uint8).tobytes())


if __name__ == "__main__":
    main()
