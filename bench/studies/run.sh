#!/usr/bin/env bash
# The studies' comparisons on the real data in ../shared/datasets (issue 13): trains every recipe whose weights are
# missing (tools/training/studies, cached in .cache/studies/models; the committed MSD models in samples/models are
# used as they are), turns each into a plugin with `pipelineseg models new`, runs `pipelineseg compare` per study and
# prints our figures beside the studies' published ones (bench/studies/published.json).
# Usage: bash bench/studies/run.sh [--no-train] [CACHE_DIR]      (default .cache/studies; ignored by git)
#   --no-train: compare only the models already trained (the others are left out of the tables and named).
#   PIPELINESEG_CLI=path/to/pipelineseg skips the host build.
# A benchmark, not a CI test. Training runs under nice -n 10 on one thread per job.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
TRAIN=1
if [ "${1:-}" = "--no-train" ]; then TRAIN=0; shift; fi
CACHE="$(realpath -m "${1:-$ROOT/.cache/studies}")"
PY=/usr/bin/python3
STUDIES="$ROOT/tools/training/studies"
mkdir -p "$CACHE"/{models,data,plugins,results}
start=$(date +%s)
log() { echo "[$(( $(date +%s) - start ))s] $*" >&2; }

CLI="${PIPELINESEG_CLI:-$ROOT/src/PipelineSeg.Host/bin/Release/net10.0/pipelineseg}"
if [ -z "${PIPELINESEG_CLI:-}" ]; then  # PIPELINESEG_CLI=path: use a host already built from this tree
  log "building the host"
  dotnet build "$ROOT/src/PipelineSeg.Host" -c Release -v q -nologo >"$CACHE/build.log" 2>&1 || { cat "$CACHE/build.log"; exit 2; }
fi

# recipe -> its committed sample folder (MSD, CC BY-SA 4.0) when there is one, else the cache.
weights_dir() {
  local sample
  sample=$($PY -c "import sys; sys.path.insert(0, '$STUDIES'); import recipes; print(recipes.SAMPLES.get('$1', ''))")
  if [ -n "$sample" ] && [ -f "$ROOT/samples/models/$sample/model.safetensors" ]; then echo "$ROOT/samples/models/$sample"; else echo "$CACHE/models/$1"; fi
}

RECIPES=$($PY -c "import sys; sys.path.insert(0, '$STUDIES'); import recipes; print(' '.join(recipes.RECIPES))")
for r in $RECIPES; do
  d=$(weights_dir "$r")
  if [ ! -f "$d/model.safetensors" ]; then
    if [ $TRAIN = 0 ]; then log "not trained, left out: $r"; continue; fi
    log "training $r"
    nice -n 10 $PY "$STUDIES/train.py" "$r" "$d"
  fi
done

for ds in lungct lesion liver; do
  [ -f "$CACHE/data/$ds/dataset.json" ] || $PY "$STUDIES/export.py" "$ds" "$CACHE/data/$ds" >/dev/null
done

log "converting to plugins"
for r in $RECIPES; do
  d=$(weights_dir "$r")
  rm -rf "$CACHE/plugins/$r"
  [ -f "$d/model.safetensors" ] || continue
  args=$($PY "$STUDIES/plugin_args.py" "$r")
  # shellcheck disable=SC2086  # plugin_args.py prints one shell-quoted argument list
  if ! eval "\"$CLI\" models new --from-checkpoint \"$d/model.safetensors\" --name $r --output \"$CACHE/plugins/$r\" $args" >"$CACHE/plugins/$r.log" 2>&1; then
    # models new refuses one-channel regression heads (naive-symmetric), and finds no family while a bundled family
    # plugin folder is refused (DeepLab without its sample weights): write the same folder by hand (manual_plugin.py).
    if grep -aq "needs at least 2 output channels\|no family plugin" "$CACHE/plugins/$r.log"; then
      log "$r: $(grep -a "^error" "$CACHE/plugins/$r.log" | head -1); writing its plugin folder with manual_plugin.py"
      $PY "$STUDIES/manual_plugin.py" "$r" "$d" "$(dirname "$CLI")/plugins" "$CACHE/plugins/$r" >/dev/null
    else
      cat "$CACHE/plugins/$r.log"; exit 1
    fi
  fi
done

log "comparing"
compare() {  # study, models ([NAME=]ID[+ID…]); entries whose plugins are missing (--no-train) are left out
  local models="" entry ids ok id
  for entry in ${2//,/ }; do
    ids=${entry#*=}; ok=1
    for id in ${ids//+/ }; do [ -f "$CACHE/plugins/$id/plugin.json" ] || ok=0; done
    if [ $ok = 1 ]; then models="${models:+$models,}$entry"; else log "$1: left out $entry (not trained)"; fi
  done
  rm -rf "$CACHE/results/$1"
  [ -n "$models" ] || return 0
  "$CLI" compare --plugins "$CACHE/plugins" --data "$CACHE/data/$1" --models "$models" --thresholds 0.1,0.3,0.5,0.7,0.9 --output "$CACHE/results/$1" \
    >"$CACHE/results/$1.log" 2>&1 || { cat "$CACHE/results/$1.log"; exit 1; }
}
compare lungct lungct-unet,lungct-lgan,lungct-cyclegan
compare lesion "lesion-segnet,lesion-unet,lesion-unet-w8,lesion-deeplab,lesion-ensemble=$($PY -c "import sys; sys.path.insert(0, '$STUDIES'); import recipes; print('+'.join(recipes.ENSEMBLE_LESION))")"
compare liver liver-naive,liver-unet

$PY "$ROOT/bench/studies/tables.py" "$CACHE/results" "$ROOT/bench/studies/published.json" | tee "$CACHE/results/tables.md"
log "done in $(( $(date +%s) - start )) s"
