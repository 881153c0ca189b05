# Sourced by tests/same-output and tests/bench/compare: builds candour as it was at an
# earlier commit, in a temporary git worktree with its own target folder (a cold release
# build), and removes both when the calling script exits.
#
# build_at REPO COMMITISH PREFIX: sets $work (a temporary folder holding the commit's tree
# in $work/base) and $base_bin (its release binary).
build_at() {
  local repo="$1" base="$2" prefix="$3" commit
  commit="$(git -C "$repo" rev-parse --verify "$base^{commit}")"
  work="$(mktemp -d "${TMPDIR:-/tmp}/$prefix.XXXXXX")"
  # shellcheck disable=SC2064 # expand now: $work and $repo are this call's.
  trap "git -C '$repo' worktree remove --force '$work/base' >/dev/null 2>&1 || true; rm -rf '$work'" EXIT
  echo "building $base ($commit) in a temporary worktree" >&2
  git -C "$repo" worktree add --detach --quiet "$work/base" "$commit"
  CARGO_TARGET_DIR="$work/target" cargo build --release --quiet --manifest-path "$work/base/Cargo.toml"
  base_bin="$work/target/release/candour"
}
