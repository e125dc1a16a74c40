#!/usr/bin/env bash
# Schedule: rotate every credential tcr-credentials delivered under CREDENTIAL_PREFIX (new token or password,
# new secret version; the old long-term token is retired after GRACE_SECONDS on a later run). Prints a JSON summary.
source "$(dirname "$0")/common.sh"
: "${CREDENTIAL_PREFIX:?set CREDENTIAL_PREFIX to the SSM name prefix of the delivered credentials}"
step "tcr-credentials rotate --store-prefix $CREDENTIAL_PREFIX"
tcr-credentials rotate --store-prefix "$CREDENTIAL_PREFIX" --grace "${GRACE_SECONDS:-3600}"
