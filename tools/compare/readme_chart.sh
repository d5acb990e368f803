#!/usr/bin/env bash
# Regenerates the README's compare chart from our own generated data: six held-out phantoms (seeds 40-45) as NIfTI
# pairs, the three bundled phantom models compared on the liver (liver + lesions) at the default thresholds.
#   bash tools/compare/readme_chart.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build src/PipelineSeg.Host -c Release -v q >/dev/null
cli="dotnet src/PipelineSeg.Host/bin/Release/net10.0/pipelineseg.dll"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
$cli phantom --output "$work/phantoms" --count 6 --seed 40 --format nifti --size 128 --slices 24 --quiet >/dev/null
mkdir -p "$work/data/images" "$work/data/masks"
for p in "$work"/phantoms/phantom-*; do
  cp "$p/ct.nii.gz" "$work/data/images/$(basename "$p").nii.gz"
  cp "$p/labels.nii.gz" "$work/data/masks/$(basename "$p").nii.gz"
done
cat > "$work/data/dataset.json" <<'JSON'
{ "format": "nifti", "splits": { "test": { "images": "images", "masks": "masks" } }, "maskLabels": [1, 2], "segment": "liver" }
JSON
$cli compare --data "$work/data" --models unet=unet-liver-phantom,segnet=segnet-liver-phantom,cyclegan=cyclegan-liver-phantom \
  --output "$work/out" --quiet | tee "$work/table.md"
cp "$work/out/comparison-curve-dice.png" docs/images/compare-dice-phantoms.png
