#!/usr/bin/env bash
# Submits a sweep to Slurm: a job array of SHARDS tasks (shard.sbatch), each
# running one slice of the plan in plan.args, and a job that merges the
# slices once every task has succeeded (merge.sbatch). Run it from the
# folder the results should go in; docs/CLUSTER.md explains each step.
#
#   docs/cluster/slurm/submit.sh [SHARDS]     (default 8)
#
# OPTISCOPE (the binary, default: optiscope on PATH) and PLAN_FILE (default:
# plan.args beside this script) reach the jobs through the environment.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
shards=${1:-8}
export OPTISCOPE=${OPTISCOPE:-optiscope}
export PLAN_FILE=${PLAN_FILE:-$here/plan.args}
export SHARDS=$shards
mkdir -p results logs
# --parsable prints "jobid" (or "jobid;cluster" on a federation).
array=$(sbatch --parsable --export=ALL --array=1-"$shards" "$here/shard.sbatch")
array=${array%%;*}
merge=$(sbatch --parsable --export=ALL --dependency=afterok:"$array" "$here/merge.sbatch")
echo "submitted the array $array ($shards shards) and the merge ${merge%%;*}"
