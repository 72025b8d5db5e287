#!/bin/sh
# demo.sh BUILD: builds the example database and shows the organisation.
set -eu
build=${1:-build}
PATH=$(pwd)/$build/bin:$PATH
export PATH
db=$build/demo/inno.db
mkdir -p "$build/demo"
rm -f "$db" "$db-wal" "$db-shm"
staff-import -q -d "$db" --teams share/demo/teams.csv
staff-import -q -d "$db" share/demo/staff.csv
# Benchmarking, ideas, knowledge, awards and budgets: the 2007 figures.
staff-import -q -d "$db" share/demo/record-staff.csv
benchmark-log -q -d "$db" share/demo/benchmark.csv
idea-submit -q -d "$db" share/demo/ideas.csv
idea-review -q -d "$db" share/demo/idea-reviews.csv
knowledge-add -q -d "$db" share/demo/knowledge.csv
knowledge-review -q -d "$db" share/demo/knowledge-evals.csv
knowledge-add -q -d "$db" --views share/demo/knowledge-views.csv
award-add -q -d "$db" share/demo/awards.csv
award-fund -q -d "$db" share/demo/award-funds.csv
budget-set -q -d "$db" share/demo/budget.csv
staff-list -d "$db" --by=team --format=table
