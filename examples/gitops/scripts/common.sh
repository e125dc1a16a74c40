# Sourced by every step: the example directory, the stack, where cdktf writes, and terraform flags for CI.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1 TF_INPUT=0
STACK=${STACK:-registry}
export CDKTF_OUTDIR=${CDKTF_OUTDIR:-$PWD/cdktf.out}
STACK_DIR="$CDKTF_OUTDIR/stacks/$STACK"

step() { echo "--- $*"; }

# `cdktf synth` without the 300 MB cdktf-cli: run the app command cdktf.json names.
synth() {
  step "synth ($STACK)"
  rm -rf "$STACK_DIR"
  bash -c "$(node -p 'require("./cdktf.json").app')"
  test -f "$STACK_DIR/cdk.tf.json" || { echo "synth wrote no $STACK_DIR/cdk.tf.json" >&2; exit 1; }
}

tf() { terraform -chdir="$STACK_DIR" "$@" -no-color; }
