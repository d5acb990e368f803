#!/usr/bin/env bash
# Sequence smoothing measured on 3D-IRCADb patient 1.1 (issue 11): Dice and HD95 with and without smoothing along z,
# with and without the 3-D clean-up, through the real product path (`pipelineseg batch` on the DICOM series).
#  1. trains the fold models that are missing (tools/training/studies: liver-unet-fold<k>, contiguous slab folds,
#     slab_folds.py), one thread under nice -n 10, into CACHE/models;
#  2. turns each into a plugin with `pipelineseg models new` (CACHE/plugins);
#  3. unpacks the CT and the liver mask series (unchanged files) into CACHE/dicom, converts the mask with `convert`;
#  4. one `batch` run per fold model (in parallel): every setting x clean-up is a pipeline (settings.py), routed to the series;
#  5. scores each fold's held-out slab and the composed held-out slabs with `evaluate` (score.py) and prints the table.
# Usage: bash bench/smoothing/run.sh [CACHE_DIR]       (default .cache/smoothing; ignored by git: CC BY-NC-ND data)
#   PIPELINESEG_CLI=path/to/pipelineseg skips the host build. A benchmark, not a CI test.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
CACHE="$(realpath -m "${1:-$ROOT/.cache/smoothing}")"
PY=/usr/bin/python3
STUDIES="$ROOT/tools/training/studies"
HERE="$ROOT/bench/smoothing"
IRCAD="$ROOT/../shared/datasets/3dircadb1_liver_ct/3Dircadb1.1"
mkdir -p "$CACHE"/{models,plugins,dicom}
start=$(date +%s)
log() { echo "[$(( $(date +%s) - start ))s] $*" >&2; }

CLI="${PIPELINESEG_CLI:-$ROOT/src/PipelineSeg.Host/bin/Release/net10.0/pipelineseg}"
if [ -z "${PIPELINESEG_CLI:-}" ]; then
  log "building the host"
  dotnet build "$ROOT/src/PipelineSeg.Host" -c Release -v q -nologo >"$CACHE/build.log" 2>&1 || { cat "$CACHE/build.log"; exit 2; }
fi

FOLDS=$($PY -c "import sys; sys.path.insert(0, '$STUDIES'); import recipes; print(recipes.LIVER_FOLDS)")
for k in $(seq 0 $((FOLDS - 1))); do
  r=liver-unet-fold$k
  if [ ! -f "$CACHE/models/$r/model.safetensors" ]; then
    log "training $r"
    nice -n 10 $PY "$STUDIES/train.py" "$r" "$CACHE/models/$r"
  fi
  rm -rf "$CACHE/plugins/$r"
  args=$($PY "$STUDIES/plugin_args.py" "$r")
  # shellcheck disable=SC2086  # plugin_args.py prints one shell-quoted argument list
  eval "\"$CLI\" models new --from-checkpoint \"$CACHE/models/$r/model.safetensors\" --name $r --output \"$CACHE/plugins/$r\" $args" \
    >"$CACHE/plugins/$r.log" 2>&1 || { cat "$CACHE/plugins/$r.log"; exit 1; }
done

if [ ! -f "$CACHE/dicom/liver.nii.gz" ]; then
  rm -rf "$CACHE/dicom/ct" "$CACHE/dicom/mask"
  unzip -q "$IRCAD/PATIENT_DICOM.zip" -d "$CACHE/dicom/ct"
  unzip -q "$IRCAD/MASKS_DICOM.zip" 'MASKS_DICOM/liver/*' -d "$CACHE/dicom/mask"
  "$CLI" convert --input "$CACHE/dicom/mask/MASKS_DICOM/liver" --output "$CACHE/dicom/liver.nii.gz" --quiet >"$CACHE/dicom/convert.log" 2>&1 \
    || { cat "$CACHE/dicom/convert.log"; exit 1; }
fi

log "batch: one run per fold (in parallel), every setting x clean-up a pipeline"
rm -rf "$CACHE/results"
mkdir -p "$CACHE/results"
pids=()
for k in $(seq 0 $((FOLDS - 1))); do
  $PY "$HERE/settings.py" "$k" >"$CACHE/results/fold$k.json"
  "$CLI" batch --config "$CACHE/results/fold$k.json" --plugins "$CACHE/plugins" --input "$CACHE/dicom/ct" --output "$CACHE/results/fold$k" \
    --quiet >"$CACHE/results/fold$k.log" 2>&1 &
  pids+=($!)
done
for k in "${!pids[@]}"; do wait "${pids[$k]}" || { cat "$CACHE/results/fold$k.log"; exit 1; }; done

log "scoring"
$PY "$HERE/score.py" "$CLI" "$CACHE/results" "$CACHE/dicom/liver.nii.gz" "$CACHE/scored" | tee "$CACHE/table.md"
log "done in $(( $(date +%s) - start )) s (load: $(cut -d' ' -f1-3 /proc/loadavg))"
