#!/usr/bin/env bash
# Rebuilds the evaluation files from corpus.json: for each entry, `git show COMMIT:PATH` from a
# snapshot of its repository. Snapshots come from the search tool's `fetch` (one per repository,
# under /work/.mirror/OWNER+NAME); the files land outside this repository (third-party code is
# never committed here).   usage: test/accuracy/restore.sh [OUT_DIR]   (default /work/eval/files)
set -euo pipefail
out=${1:-/work/eval/files}
here=$(cd "$(dirname "$0")" && pwd)
node -e 'for (const e of require(process.argv[1])) console.log([e.repo, e.commit, e.path].join("\t"))' "$here/corpus.json" |
while IFS=$'\t' read -r repo commit path; do
  mirror=/work/.mirror/${repo/\//+}/repo
  [ -d "$mirror/.git" ] && mirror=$mirror/.git
  if [ ! -d "$mirror" ]; then echo "missing snapshot: $repo (fetch github:$repo)"; continue; fi
  dest=$out/${repo/\//__}/$path
  mkdir -p "$(dirname "$dest")"
  GIT_DIR=$mirror git show "$commit:$path" > "$dest" || echo "not found: $repo $commit $path"
done
