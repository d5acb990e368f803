#!/usr/bin/env bash
# Recomputes the measured part of the bundled phantom model's card (models[0].intendedUse in
# plugins/PipelineSeg.Plugins.UNet/plugin.json) from the product's own phantoms: training seeds 1000-1059 (as in
# tools/training/train.sh) and held-out seeds 0-9 for the histogram threshold. Usage: tools/model-card/make_card.sh [DATA_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
data=${1:-$(mktemp -d)}
dotnet build src/PipelineSeg.Host -c Release -v q
phantom() { dotnet src/PipelineSeg.Host/bin/Release/net10.0/pipelineseg.dll phantom --format npy --output "$data" --seed "$1" --count "$2" >/dev/null; }
phantom 1000 60   # training seeds
phantom 0 10      # held-out seeds
/usr/bin/python3 tools/model-card/training_histogram.py --data "$data" --train 1000-1059 --held-out 0-9 \
  --manifest plugins/PipelineSeg.Plugins.UNet/plugin.json --metrics samples/models/unet-liver-phantom/metrics.json --write
echo "card written (phantoms in $data)"
