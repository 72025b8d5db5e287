/*
 * mileage-check: the fairness check of the mileage ledger, month by month:
 * awards recorded by their recipient, pairs who award each other, bursts
 * just before a month ends, a department's points on one person, caps
 * reached month after month, near-identical titles paid twice.  Exit 1
 * when anything is found, so the monthly job can hold the MVP.
 */
#include <string.h>

#include "cli.h"
#include "fairness.h"
#include "i18n.h"

static const char synopsis[] =
    "mileage-check [-q] [-d db] [-c config] [-o file] [--format fmt]\n"
    "[--encoding enc] [--month month | --from month --to month]\n";
static const char *const help_text = N_(
    "Check the mileage ledger for unfair patterns, month by month.\n"
    "\n"
    "      --month YYYY-MM  the month to check (default: last month)\n"
    "      --from YYYY-MM   the first month to check\n"
    "      --to YYYY-MM     the last month to check\n");

static void
month_arg(struct cli *c, const char *opt, const char *s, char out[8])
{
	const char *why;

	if ((why = inno_parse_month(s, strlen(s), out)) != NULL)
		cli_usage_error(c, "--%s=%s: %s", opt, s, _(why));
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"month", required_argument, NULL, 'M'},
		{"from", required_argument, NULL, 'F'},
		{"to", required_argument, NULL, 'T'},
		{NULL, 0, NULL, 0},
	};
	struct inno_fair_result res;
	const struct inno_error *err;
	struct inno_out *out;
	struct cli c;
	char first[8] = "", last[8] = "", today[11];
	int ch, month = 0, range = 0, rc;

	cli_init(&c, "mileage-check", synopsis, help_text, CLI_LIST);
	while ((ch = cli_getopt(&c, argc, argv, "", longopts)) != -1) {
		switch (ch) {
		case 'M':
			month_arg(&c, "month", optarg, first);
			memcpy(last, first, sizeof last);
			month = 1;
			break;
		case 'F':
			month_arg(&c, "from", optarg, first);
			range = 1;
			break;
		case 'T':
			month_arg(&c, "to", optarg, last);
			range = 1;
			break;
		default:
			cli_usage(&c);
		}
	}
	argc -= optind;
	argv += optind;
	cli_operands(&c, argc, argv, 0, 0, NULL);
	if (month && range)
		cli_usage_error(&c, _("--month and --from or --to exclude "
		    "each other"));
	if (range && (*first == '\0' || *last == '\0'))
		cli_usage_error(&c, _("--from and --to go together"));
	if (range && strcmp(first, last) > 0)
		cli_usage_error(&c, _("--from=%s is after --to=%s"), first,
		    last);
	if (!month && !range) {
		if ((err = inno_today(today)) != NULL)
			cli_fail(&c, err);
		snprintf(first, sizeof first, "%.7s", today);
		inno_month_add(first, -1, first);
		memcpy(last, first, sizeof last);
	}
	cli_setup(&c);
	cli_open_db(&c, INNO_DB_READ);
	if ((err = inno_fair_check(c.db, first, last, &res)) == NULL) {
		out = cli_out(&c);
		err = inno_fair_write(out, &res);
		inno_out_free(out);
	}
	if (err != NULL) {
		inno_fair_result_release(&res);
		cli_fail(&c, err);
	}
	if (res.nfindings > 0 && !c.quiet)
		cli_warn(&c, _("%zu findings from %s to %s"), res.nfindings,
		    first, last);
	rc = res.nfindings > 0 ? INNO_EINPUT : INNO_OK;
	inno_fair_result_release(&res);
	if (cli_finish(&c) != 0)
		return INNO_ESYS;
	return rc;
}
