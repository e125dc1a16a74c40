#!/usr/bin/env bash
# Pull/merge request: synthesize, plan, keep the plan text for the comment step (plan.txt beside cdktf.out/).
source "$(dirname "$0")/common.sh"
synth
step "terraform init"
tf init -input=false
step "terraform plan"
tf plan -input=false -out=tfplan | tee "$CDKTF_OUTDIR/plan.txt"
