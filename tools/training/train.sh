#!/usr/bin/env bash
# Reproduces samples/models/unet-liver-phantom from scratch: phantoms from our generator -> PyTorch training on one
# CPU thread -> held-out evaluation -> manifest SHA-256 -> parity fixtures. Usage: tools/training/train.sh [DATA_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
data=${1:-$(mktemp -d)}
model=samples/models/unet-liver-phantom
py=/usr/bin/python3

# Phantoms come from the product's own generator: phantom-<seed>/{ct.npy (HU), labels.npy, meta.json}.
dotnet build src/PipelineSeg.Host -c Release -v q
export_phantoms() { dotnet src/PipelineSeg.Host/bin/Release/net10.0/pipelineseg.dll phantom --format npy --output "$data" --seed "$1" --count "$2" >/dev/null; }
export_phantoms 1000 60   # training seeds 1000-1059
export_phantoms 0 10      # held-out seeds 0-9 (0-999 are never used for training)

$py tools/training/train_unet.py --data "$data" --out "$model"
$py tools/training/evaluate_unet.py --data "$data" --model "$model"
$py tools/training/update_manifest.py --model "$model"
$py tools/training/make_parity_fixtures.py --data "$data"
echo "done: $model (data in $data)"
