#!/usr/bin/env bash
# Merge to main: synthesize and apply what main declares.
source "$(dirname "$0")/common.sh"
synth
step "terraform init"
tf init -input=false
step "terraform apply"
tf apply -input=false -auto-approve
tf output -json | node -e 'const o = JSON.parse(require("fs").readFileSync(0, "utf8"));
for (const [k, v] of Object.entries(o)) console.log(`${k} = ${v.sensitive ? "(sensitive)" : JSON.stringify(v.value)}`);'
