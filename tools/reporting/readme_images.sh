#!/usr/bin/env bash
# Regenerates the README's images from the bundled phantom sample (our own generated data): the key-slice overlay of
# the bundled model's SEG with the ground truth dashed, and the per-slice Dice of the same result.
#   bash tools/reporting/readme_images.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build src/PipelineSeg.Host -c Release -v q >/dev/null
cli="dotnet src/PipelineSeg.Host/bin/Release/net10.0/pipelineseg.dll"
sample=samples/dicom/phantom-0001
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
$cli batch --input "$sample" --output "$work/out" >/dev/null
seg=$(ls "$work"/out/*/segmentation.dcm)
$cli view --series "$sample/ct" --seg "$seg" --gt "$sample/ground-truth/labels.seg.dcm" --key --zoom 2 --png docs/images/overlay-phantom-0001.png
$cli evaluate --prediction "$seg" --ground-truth "$sample/ground-truth/labels.seg.dcm" --per-slice --json > "$work/eval.json"
dotnet run tools/reporting/slice_dice_plot.cs -- "$work/eval.json" docs/images/slice-dice-phantom-0001.png "phantom-0001: per-slice Dice (bundled U-Net vs ground truth)"
