#!/usr/bin/env bash
# Regenerates the README's images from the bundled phantom sample (our own generated data): the key-slice overlay of
# the bundled model's SEG with the ground truth dashed, the per-slice Dice of the same result and its threshold sweep.
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
# the threshold-sweep plot of the liver, as report.html shows it (inline PNG, taken out of the page)
/usr/bin/python3 - "$(ls "$work"/out/*/report.html)" docs/images/threshold-sweep-phantom-0001.png <<'PY'
import base64, html, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
for data, alt in re.findall(r'<img src="data:image/png;base64,([^"]+)" alt="([^"]*)"', page):
    if html.unescape(alt).startswith("threshold sweep of liver"):
        open(sys.argv[2], "wb").write(base64.b64decode(data))
        break
else:
    sys.exit("report.html has no threshold sweep of liver")
PY
