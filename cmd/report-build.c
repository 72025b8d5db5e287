/*
 * report-build: computes the figures of a report (the council report, the
 * year plan, or one section) from the records and writes them in the
 * office's layout, or checks that every figure's parts add up.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "report.h"
#include "i18n.h"

static const char synopsis[] =
    "report-build [-q] [-d db] [-c config] [-o file] [--format fmt]\n"
    "[--period period] [--as-of date] [--wording file] [--session name]\n"
    "[--session-dates dates] [--check] [kind]\n";
static const char *const help_text = N_(
    "Build a report from the records: council (default), plan, staff, or\n"
    "another kind the wording file defines.\n"
    "\n"
    "      --format FMT     text (default), md, html, csv or xlsx\n"
    "      --period P       YYYY, YYYY-Hn, YYYY-Qn, YYYY-MM, or A..B\n"
    "                       (default: the year of the as-of date)\n"
    "      --as-of DATE     results up to DATE, plans after (default today)\n"
    "      --wording FILE   the wording read over report.ini (default:\n"
    "                       report/KIND-YEAR.ini, else report/KIND.ini)\n"
    "      --session NAME   the council session named on the cover\n"
    "      --session-dates D  the session's dates, under its name\n"
    "      --check          check that parts add up to their totals\n");

int
main(int argc, char **argv)
{
	static const struct cli_values values[] = {
		{"format", "text md html csv xlsx", NULL},
		{"", NULL, cli_offer_report_kinds},
		{NULL, NULL, NULL},
	};
	static const struct option longopts[] = {
		{"format", required_argument, NULL, 'F'},
		{"period", required_argument, NULL, 'P'},
		{"as-of", required_argument, NULL, 'A'},
		{"check", no_argument, NULL, 'K'},
		{"wording", required_argument, NULL, 'W'},
		{"session", required_argument, NULL, 'S'},
		{"session-dates", required_argument, NULL, 'D'},
		{NULL, 0, NULL, 0},
	};
	struct inno_report_opts o;
	const struct inno_error *err;
	const char *why, *period = NULL, *format = "text";
	struct inno_report *r;
	struct inno_diag d;
	struct cli c;
	char year[5];
	int ch, check = 0, fmt;

	memset(&o, 0, sizeof o);
	o.kind = "council";
	cli_init(&c, "report-build", synopsis, help_text, CLI_OUTPUT);
	cli_values(&c, values);
	while ((ch = cli_getopt(&c, argc, argv, "", longopts)) != -1) {
		switch (ch) {
		case 'F':
			format = optarg;
			break;
		case 'P':
			period = optarg;
			break;
		case 'A':
			if ((why = inno_parse_date(optarg, strlen(optarg),
			    o.as_of)) != NULL) {
				cli_warn(&c, "--as-of=%s: %s", optarg, _(why));
				return INNO_EUSAGE;
			}
			break;
		case 'K':
			check = 1;
			break;
		case 'W':
			o.wording = optarg;
			break;
		case 'S':
			o.session = optarg;
			break;
		case 'D':
			o.session_dates = optarg;
			break;
		default:
			cli_usage(&c);
		}
	}
	argc -= optind;
	argv += optind;
	cli_operands(&c, argc, argv, 0, 1, NULL);
	if (argc == 1)
		o.kind = argv[0];
	if ((fmt = inno_report_format_parse(format)) < 0) {
		cli_warn(&c,
		    _("--format=%s: expected text, md, html, csv or xlsx"),
		    format);
		return INNO_EUSAGE;
	}
	if (o.as_of[0] == '\0' && (err = inno_today(o.as_of)) != NULL)
		cli_fail(&c, err);
	if (period == NULL) {
		memcpy(year, o.as_of, 4);
		year[4] = '\0';
		period = year;
	}
	if ((why = inno_parse_period(period, &o.period)) != NULL) {
		cli_warn(&c, "--period=%s: %s", period, _(why));
		return INNO_EUSAGE;
	}
	if (fmt == INNO_RFMT_XLSX && !check && (c.output_arg == NULL ||
	    strcmp(c.output_arg, "-") == 0) && isatty(STDOUT_FILENO)) {
		cli_warn(&c, _("an xlsx workbook is not for a terminal: use -o "
		    "FILE"));
		return INNO_EUSAGE;
	}
	cli_setup(&c);
	o.share = inno_report_share(c.cfg, INNO_DATADIR);
	cli_open_db(&c, INNO_DB_READ);
	if ((err = inno_report_build(c.db, c.cfg, &o, &r)) != NULL)
		cli_fail(&c, err);
	if (check) {
		inno_diag_init(&d);
		inno_report_check(r, &d);
		inno_report_free(r);
		if (d.count > 0) {
			cli_diag(&c, &d);
			inno_diag_release(&d);
			exit(INNO_EINPUT);
		}
		inno_diag_release(&d);
		return cli_finish(&c);
	}
	/* CSV is for spreadsheets: [csv] encoding serves Korean Excel. */
	r->encoding = c.encoding;
	err = inno_report_write(r, (enum inno_report_format)fmt,
	    cli_output(&c));
	inno_report_free(r);
	if (err != NULL)
		cli_fail(&c, err);
	return cli_finish(&c);
}
