#!/bin/sh
# One writer shape (CONVENTIONS.md): "one record from options, many from
# CSV" is cli_write in cmd/cli.c, and every program that writes records
# goes through it; headers under cmd/ declare, they hold no code.

. "$(dirname "$0")/lib.sh"

cmd=$SRC_DIRECTORY/cmd

test_expect_success 'no header under cmd/ holds code' '
	for h in "$cmd"/*.h; do
		# A function body starts with "{" alone at the start of a line;
		# "static" and "inline" in a header mean a definition.
		if grep -n -e "^{" -e "^static" -e "inline" "$h"; then
			echo "$h holds code" && return 1
		fi
	done &&
	test ! -e "$cmd/club-writer.h" &&
	test ! -e "$cmd/record-cli.h"
'

test_expect_success 'only cmd/cli.c runs batches' '
	grep -l -e inno_batch_csv -e inno_batch_one "$cmd"/*.c >got &&
	echo "$cmd/cli.c" >expect &&
	test_cmp expect got
'

test_expect_success 'every program that writes uses cli_write' '
	for f in "$cmd"/*.c; do
		case $f in */cli.c) continue ;; esac
		if grep -q "CLI_BATCH" "$f" && ! grep -q "cli_write(" "$f"; then
			echo "$f: a writer without cli_write" && return 1
		fi
	done
'

test_done
