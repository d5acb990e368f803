#!/usr/bin/env bash
# Builds self-contained release folders of PipelineSeg: release/out/pipelineseg-<version>-<rid>/ for each runtime
# (default: linux-x64 and win-x64). Each folder runs without a .NET installation: the host is published self-contained
# and ReadyToRun (precompiled, so a cold start does not JIT the codec path), the bundled model plugins are published
# into plugins/, config/ holds appsettings.json, deploy/ the systemd and Windows service units, and --samples adds the
# sample series and models. See release/README.md for installing it.
#
#   release/build-release.sh [--rid RID]... [--samples] [--out DIR]
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$repo/release/out"
rids=()
samples=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rid) rids+=("$2"); shift 2 ;;
    --samples) samples=1; shift ;;
    --out) out="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ ${#rids[@]} -gt 0 ]] || rids=(linux-x64 win-x64)

# The commit goes into the informational version (pipelineseg --version); "unknown" outside a git checkout.
commit="$(git -C "$repo" rev-parse HEAD 2>/dev/null || echo unknown)"
version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$repo/Directory.Build.props" | head -1)"
plugins=(PipelineSeg.Plugins.UNet PipelineSeg.Plugins.CycleGan PipelineSeg.Plugins.SegNet PipelineSeg.Plugins.DeepLab)

for rid in "${rids[@]}"; do
  dir="$out/pipelineseg-$version-$rid"
  echo "== $rid -> $dir (commit $commit)"
  rm -rf "$dir"
  # BundlePlugins=false: the plugins are published below, RID-neutral, the way plugins/README.md says to ship them.
  dotnet publish "$repo/src/PipelineSeg.Host/PipelineSeg.Host.csproj" -c Release -r "$rid" --self-contained true \
    -p:PublishReadyToRun=true -p:BundlePlugins=false -p:SourceRevisionId="$commit" -o "$dir" -nologo
  for plugin in "${plugins[@]}"; do
    dotnet publish "$repo/plugins/$plugin/$plugin.csproj" -c Release -o "$dir/plugins/$plugin" -nologo
  done
  # The plugin manifests copied into the host folder by the build are not used there (only plugins/ is scanned).
  rm -f "$dir/plugin.json"
  mkdir -p "$dir/deploy"
  cp -r "$repo/deploy/." "$dir/deploy/"
  cp "$repo/release/README.md" "$dir/INSTALL.md"
  if [[ $samples -eq 1 ]]; then
    mkdir -p "$dir/samples"
    cp -r "$repo/samples/dicom" "$repo/samples/models" "$repo/samples/README.md" "$dir/samples/"
  fi
  printf '%s\n' "pipelineseg $version" "commit $commit" "runtime $rid" "built $(date -u +%Y-%m-%dT%H:%M:%SZ)" > "$dir/RELEASE.txt"
done
echo "release folders in $out"
