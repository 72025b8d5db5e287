/*
 * report_out.c: writes a report's figure model in each format: the Korean
 * report layout as plain text (□ sections, ○ items, - sub-items), Markdown,
 * one self-contained HTML file with print CSS and inline SVG charts, CSV
 * with one row per figure, and an xlsx workbook with a sheet per section.
 * Each renderer reads only the model, so all formats show the same
 * numbers.  Text and Markdown are read on terminals, so they show control
 * and bidirectional characters escaped; CSV and xlsx keep the data exact.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "i18n.h"
#include "report.h"

/* "2007. 7. 2." from an ISO date, as the office dates its reports. */
static void
fmt_date(const char iso[11], char buf[24])
{
	snprintf(buf, 24, "%.4s. %d. %d.", iso, atoi(iso + 5), atoi(iso + 8));
}

static const char *
roman(size_t i)
{
	static const char *const r[] = {"I", "II", "III", "IV", "V", "VI",
	    "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
	    "XVI", "XVII", "XVIII", "XIX", "XX"};

	return i < sizeof r / sizeof r[0] ? r[i] : "XX+";
}

/*
 * Whether figure j's parts are shown inside its line, "15명 (기획팀 5, …)":
 * when they are few and have no parts of their own.  Otherwise each part
 * gets a line of its own below the total.
 */
static int
inline_parts(const struct inno_rsection *s, size_t j)
{
	size_t k;

	if (s->items[j].nparts == 0 || s->items[j].nparts > 6)
		return 0;
	for (k = j + 1; k < s->nitems; k++)
		if (s->items[k].parent == j && s->items[k].nparts > 0)
			return 0;
	return 1;
}

/*
 * The numbering of section i: a section outside a group, or the first of
 * a group, opens a new part with a Roman number ("IV. " and the group's
 * name); inside a group sections are numbered 1, 2, ...  *opens is 1 when
 * section i starts a group, *part is the part's index, *num the section's
 * number inside its group (0 outside one).
 */
static void
numbering(const struct inno_report *r, size_t i, int *opens, size_t *part,
    size_t *num)
{
	size_t k;

	*part = 0;
	*num = 0;
	*opens = 0;
	for (k = 0; k <= i; k++) {
		const char *g = r->secs[k].group;
		int same = k > 0 && *g != '\0' &&
		    strcmp(g, r->secs[k - 1].group) == 0;

		if (same)
			(*num)++;
		else {
			(*part)++;
			*num = *g != '\0' ? 1 : 0;
		}
		*opens = !same && *g != '\0';
	}
	(*part)--;
}

/*
 * Whether item j is not shown on a line of its own: a part shown inside
 * its total's line, or a □ heading with nothing under it (awards when
 * none are recorded yet).
 */
static int
hidden(const struct inno_rsection *s, size_t j)
{
	const struct inno_ritem *it = &s->items[j];

	if (it->kind == INNO_RTEXT && it->level == 0)
		return j + 1 == s->nitems || (s->items[j + 1].kind ==
		    INNO_RTEXT && s->items[j + 1].level == 0);
	return it->kind == INNO_RFIG && it->parent != INNO_RNONE &&
	    inline_parts(s, it->parent);
}

/*
 * Writes "15명 (창의혁신기획팀 5, 창의혁신지원팀 4)" for figure j of s:
 * the value with its unit, then the parts, through put (which escapes as
 * the format needs).
 */
static void
put_value(const struct inno_report *r, const struct inno_rsection *s,
    size_t j, FILE *fp, void (*put)(FILE *, const char *))
{
	const struct inno_ritem *it = &s->items[j];
	char num[INNO_THOUSANDS_SIZE];
	size_t k;
	int first = 1;

	put(fp, inno_fmt_thousands(inno_report_shown(r, it), num));
	put(fp, inno_report_unit(r, it->unit));
	if (!inline_parts(s, j))
		return;
	put(fp, " (");
	for (k = j + 1; k < s->nitems; k++) {
		if (s->items[k].parent != j)
			continue;
		if (!first)
			put(fp, ", ");
		first = 0;
		put(fp, s->items[k].label);
		put(fp, " ");
		put(fp, inno_fmt_thousands(inno_report_shown(r, &s->items[k]), num));
	}
	put(fp, ")");
}

/*
 * Writes s for a reader of the text report, with control and
 * bidirectional characters escaped (inno_text_escape), so that a name in
 * the database cannot move the cursor or recolour the terminal the report
 * is read on.  When memory is short the text is left out rather than
 * shown raw.
 */
static void
put_plain(FILE *fp, const char *s)
{
	char *e;

	if (inno_text_plain(s)) {
		fputs(s, fp);
		return;
	}
	if ((e = inno_text_escape(s)) != NULL)
		fputs(e, fp);
	free(e);
}

/* Like put_plain, with Markdown's punctuation escaped too. */
static void
put_md(FILE *fp, const char *s)
{
	char *e = NULL;

	if (!inno_text_plain(s) && (s = e = inno_text_escape(s)) == NULL)
		return;
	for (; *s != '\0'; s++) {
		if (strchr("\\`*_[]<>#|", *s) != NULL)
			fputc('\\', fp);
		fputc(*s, fp);
	}
	free(e);
}

static void
put_html(FILE *fp, const char *s)
{
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '&':
			fputs("&amp;", fp);
			break;
		case '<':
			fputs("&lt;", fp);
			break;
		case '>':
			fputs("&gt;", fp);
			break;
		case '"':
			fputs("&quot;", fp);
			break;
		default:
			fputc(*s, fp);
		}
	}
}

static void
write_text(const struct inno_report *r, FILE *fp)
{
	static const char *const indent[] = {"", " ○ ", "   - ", "     · "};
	const struct inno_rsection *s;
	const struct inno_ritem *it;
	char date[24];
	size_t i, j, part, num;
	int opens;

	fmt_date(r->date, date);
	if (*r->cover != '\0') {
		put_plain(fp, r->cover);
		fputs("\n\n", fp);
	}
	if (*r->session_dates != '\0') {
		put_plain(fp, r->session_dates);
		fputs("\n\n", fp);
	}
	put_plain(fp, r->title);
	fprintf(fp, "\n\n%s\n", date);
	if (*r->office != '\0') {
		put_plain(fp, r->office);
		fputc('\n', fp);
	}
	for (i = 0; i < r->nsecs; i++) {
		s = &r->secs[i];
		numbering(r, i, &opens, &part, &num);
		if (opens) {
			fprintf(fp, "\n%s. ", roman(part));
			put_plain(fp, s->group);
			fputc('\n', fp);
		}
		if (num > 0)
			fprintf(fp, "\n%zu. ", num);
		else
			fprintf(fp, "\n%s. ", roman(part));
		put_plain(fp, s->heading);
		fputc('\n', fp);
		for (j = 0; j < s->nitems; j++) {
			it = &s->items[j];
			if (hidden(s, j))
				continue;
			if (it->level == 0) {
				fputs("\n□ ", fp);
				put_plain(fp, it->label);
				fputc('\n', fp);
				continue;
			}
			fputs(indent[it->level > 3 ? 3 : it->level], fp);
			put_plain(fp, it->label);
			if (it->kind == INNO_RFIG) {
				fputs(" : ", fp);
				put_value(r, s, j, fp, put_plain);
			}
			fputc('\n', fp);
		}
	}
}

static void
write_md(const struct inno_report *r, FILE *fp)
{
	const struct inno_rsection *s;
	const struct inno_ritem *it;
	char date[24];
	size_t i, j, part, num;
	int opens;

	fmt_date(r->date, date);
	fputs("# ", fp);
	put_md(fp, r->title);
	fputs("\n\n", fp);
	if (*r->cover != '\0') {
		put_md(fp, r->cover);
		fputs("  \n", fp);
	}
	if (*r->session_dates != '\0') {
		put_md(fp, r->session_dates);
		fputs("  \n", fp);
	}
	put_md(fp, date);
	if (*r->office != '\0') {
		fputs("  \n", fp);
		put_md(fp, r->office);
	}
	fputc('\n', fp);
	for (i = 0; i < r->nsecs; i++) {
		s = &r->secs[i];
		numbering(r, i, &opens, &part, &num);
		if (opens) {
			fprintf(fp, "\n## %s. ", roman(part));
			put_md(fp, s->group);
			fputs("\n", fp);
		}
		if (num > 0)
			fprintf(fp, "\n### %zu. ", num);
		else
			fprintf(fp, "\n## %s. ", roman(part));
		put_md(fp, s->heading);
		fputs("\n\n", fp);
		for (j = 0; j < s->nitems; j++) {
			it = &s->items[j];
			if (hidden(s, j))
				continue;
			if (it->level == 0) {
				if (j > 0)
					fputc('\n', fp);
				fputs(num > 0 ? "#### " : "### ", fp);
				put_md(fp, it->label);
				fputs("\n\n", fp);
				continue;
			}
			fprintf(fp, "%*s- ", 2 * (it->level - 1), "");
			if (it->kind == INNO_RFIG) {
				fputs("**", fp);
				put_md(fp, it->label);
				fputs("**: ", fp);
				put_value(r, s, j, fp, put_md);
			} else
				put_md(fp, it->label);
			fputc('\n', fp);
		}
	}
}

/* The colours of a chart's series, in order. */
static const char *const palette[] = {"#3b6ea5", "#e39b3b", "#5aa469",
    "#c8554f", "#8a6cb5", "#7f7f7f"};
#define NPALETTE (sizeof palette / sizeof palette[0])

/*
 * The series of a stacked chart: the distinct labels of the parts of
 * figure j's parts, in order of first appearance (at most NPALETTE).
 */
static size_t
chart_series(const struct inno_rsection *s, size_t j, const char **series)
{
	size_t k, m, i, n = 0;

	for (k = j + 1; k < s->nitems; k++) {
		if (s->items[k].parent != j)
			continue;
		for (m = k + 1; m < s->nitems; m++) {
			if (s->items[m].parent != k)
				continue;
			for (i = 0; i < n; i++)
				if (strcmp(series[i], s->items[m].label) == 0)
					break;
			if (i == n && n < NPALETTE)
				series[n++] = s->items[m].label;
		}
	}
	return n;
}

/*
 * An inline SVG bar chart of figure j's parts; when the parts have parts
 * of their own (tasks by field, each by status) the bars are stacked, with
 * a legend.
 */
static void
html_chart(const struct inno_report *r, const struct inno_rsection *s,
    size_t j, FILE *fp)
{
	const struct inno_ritem *it = &s->items[j];
	const char *series[NPALETTE];
	size_t k, m, i, n = 0, nseries;
	int64_t max = 1, v;
	char num[INNO_THOUSANDS_SIZE];
	int y, x, w, h;

	nseries = chart_series(s, j, series);
	for (k = j + 1; k < s->nitems; k++)
		if (s->items[k].parent == j) {
			v = inno_report_shown(r, &s->items[k]);
			if (v > max)
				max = v;
			n++;
		}
	h = (int)n * 24 + 8 + (nseries > 0 ? 24 : 0);
	fprintf(fp, "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" "
	    "width=\"560\" height=\"%d\" viewBox=\"0 0 560 %d\" role=\"img\" "
	    "aria-label=\"", h, h);
	put_html(fp, it->label);
	fputs("\">\n", fp);
	y = 4;
	for (k = j + 1; k < s->nitems; k++) {
		if (s->items[k].parent != j)
			continue;
		v = inno_report_shown(r, &s->items[k]);
		fprintf(fp, "<text x=\"176\" y=\"%d\" text-anchor=\"end\">",
		    y + 15);
		put_html(fp, s->items[k].label);
		fputs("</text>", fp);
		x = 184;
		if (s->items[k].nparts == 0 || nseries == 0) {
			w = v > 0 ? (int)(v * 300 / max) : 0;
			fprintf(fp, "<rect x=\"184\" y=\"%d\" width=\"%d\" "
			    "height=\"18\" fill=\"%s\"/>", y, w, palette[0]);
			x += w;
		} else
			for (m = k + 1; m < s->nitems; m++) {
				if (s->items[m].parent != k)
					continue;
				for (i = 0; i < nseries; i++)
					if (strcmp(series[i],
					    s->items[m].label) == 0)
						break;
				v = inno_report_shown(r, &s->items[m]);
				w = v > 0 ? (int)(v * 300 / max) : 0;
				fprintf(fp, "<rect x=\"%d\" y=\"%d\" width=\"%d\" "
				    "height=\"18\" fill=\"%s\"/>", x, y, w,
				    palette[i % NPALETTE]);
				x += w;
			}
		fprintf(fp, "<text x=\"%d\" y=\"%d\">%s</text>\n", x + 6,
		    y + 15, inno_fmt_thousands(inno_report_shown(r, &s->items[k]), num));
		y += 24;
	}
	for (i = 0, x = 184; i < nseries; i++) {
		fprintf(fp, "<rect x=\"%d\" y=\"%d\" width=\"12\" "
		    "height=\"12\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">", x,
		    y + 4, palette[i], x + 16, y + 14);
		put_html(fp, series[i]);
		fputs("</text>\n", fp);
		x += 16 + 14 * (int)inno_utf8_len(series[i],
		    strlen(series[i])) + 12;
	}
	fputs("</svg>\n", fp);
}

static void
write_html(const struct inno_report *r, FILE *fp)
{
	const struct inno_rsection *s;
	const struct inno_ritem *it;
	char date[24];
	size_t i, j, part, num;
	int open, opens;

	fmt_date(r->date, date);
	fputs("<!DOCTYPE html>\n<html lang=\"ko\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<title>", fp);
	put_html(fp, r->title);
	fputs("</title>\n<style>\n"
	    "@page { size: A4; margin: 20mm 18mm; }\n"
	    "body { font-family: \"Noto Sans CJK KR\", \"Noto Sans KR\", "
	    "\"NanumGothic\", \"Malgun Gothic\", sans-serif; font-size: 11pt; "
	    "line-height: 1.6; max-width: 174mm; margin: 0 auto; "
	    "color: #111; }\n"
	    "header { text-align: center; margin: 2em 0; }\n"
	    "header h1 { font-size: 20pt; }\n"
	    "h2 { font-size: 14pt; border-bottom: 2px solid #333; "
	    "break-after: avoid; }\n"
	    "h3 { font-size: 12pt; margin: 1em 0 0.3em; }\n"
	    "h3::before { content: \"\\25A1  \"; }\n"
	    "ul { list-style: none; padding-left: 1em; margin: 0.2em 0; }\n"
	    "li.l1::before { content: \"\\25CB  \"; }\n"
	    "li.l2 { padding-left: 1.2em; }\n"
	    "li.l2::before { content: \"-  \"; }\n"
	    "li.l3 { padding-left: 2.4em; }\n"
	    "li.l3::before { content: \"\\00B7  \"; }\n"
	    "h2.sub { font-size: 13pt; border-bottom: 1px solid #999; }\n"
	    "svg.chart { display: block; margin: 0.4em 0 0.8em 2em; "
	    "font-size: 11px; }\n"
	    "section { break-inside: avoid-page; }\n"
	    "@media print { body { max-width: none; } }\n"
	    "</style>\n</head>\n<body>\n<header>\n", fp);
	if (*r->cover != '\0') {
		fputs("<p>", fp);
		put_html(fp, r->cover);
		fputs("</p>\n", fp);
	}
	if (*r->session_dates != '\0') {
		fputs("<p>", fp);
		put_html(fp, r->session_dates);
		fputs("</p>\n", fp);
	}
	fputs("<h1>", fp);
	put_html(fp, r->title);
	fprintf(fp, "</h1>\n<p>%s</p>\n", date);
	if (*r->office != '\0') {
		fputs("<p>", fp);
		put_html(fp, r->office);
		fputs("</p>\n", fp);
	}
	fputs("</header>\n", fp);
	for (i = 0; i < r->nsecs; i++) {
		s = &r->secs[i];
		numbering(r, i, &opens, &part, &num);
		if (opens) {
			fprintf(fp, "<h2 class=\"group\">%s. ", roman(part));
			put_html(fp, s->group);
			fputs("</h2>\n", fp);
		}
		fprintf(fp, "<section id=\"");
		put_html(fp, s->key);
		if (num > 0)
			fprintf(fp, "\">\n<h2 class=\"sub\">%zu. ", num);
		else
			fprintf(fp, "\">\n<h2>%s. ", roman(part));
		put_html(fp, s->heading);
		fputs("</h2>\n", fp);
		open = 0;
		for (j = 0; j < s->nitems; j++) {
			it = &s->items[j];
			if (hidden(s, j))
				continue;
			if (it->level == 0) {
				if (open)
					fputs("</ul>\n", fp);
				open = 0;
				fputs("<h3>", fp);
				put_html(fp, it->label);
				fputs("</h3>\n", fp);
				continue;
			}
			if (!open)
				fputs("<ul>\n", fp);
			open = 1;
			fprintf(fp, "<li class=\"l%d\">", it->level > 3 ? 3 :
			    it->level);
			put_html(fp, it->label);
			if (it->kind == INNO_RFIG) {
				fputs(" : <b>", fp);
				put_value(r, s, j, fp, put_html);
				fputs("</b>", fp);
				if (it->nparts >= 2 && it->value != 0 &&
				    it->parent == INNO_RNONE) {
					fputc('\n', fp);
					html_chart(r, s, j, fp);
				}
			}
			fputs("</li>\n", fp);
		}
		if (open)
			fputs("</ul>\n", fp);
		fputs("</section>\n", fp);
	}
	fputs("</body>\n</html>\n", fp);
}

/*
 * The CSV item name of a figure: its label after those of the totals it is
 * a part of, "total/part/inner part".  The caller frees it.
 */
static char *
item_name(const struct inno_rsection *s, const struct inno_ritem *it)
{
	char *up, *name;

	if (it->parent == INNO_RNONE)
		return strdup(it->label);
	if ((up = item_name(s, &s->items[it->parent])) == NULL)
		return NULL;
	name = inno_strf("%s/%s", up, it->label);
	free(up);
	return name;
}

static const struct inno_error *
write_csv(const struct inno_report *r, FILE *fp)
{
	static const char *const names[] = {"section", "item", "value",
	    "unit"};
	static const enum inno_kind kinds[] = {INNO_TEXT, INNO_TEXT, INNO_NUM,
	    INNO_TEXT};
	const struct inno_error *err;
	const struct inno_rsection *s;
	const struct inno_ritem *it;
	struct inno_out *out;
	char *item;
	size_t i, j;

	if ((err = inno_out_new(&out, fp, INNO_FMT_CSV, r->encoding)) != NULL)
		return err;
	err = inno_out_header(out, 4, names, kinds);
	for (i = 0; err == NULL && i < r->nsecs; i++) {
		s = &r->secs[i];
		for (j = 0; err == NULL && j < s->nitems; j++) {
			it = &s->items[j];
			if (it->kind != INNO_RFIG)
				continue;
			if ((item = item_name(s, it)) == NULL) {
				err = inno_error_nomem();
				break;
			}
			if ((err = inno_out_text(out, s->heading)) == NULL &&
			    (err = inno_out_text(out, item)) == NULL &&
			    (err = inno_out_int(out, inno_report_shown(r,
			    it))) == NULL &&
			    (err = inno_out_text(out, inno_report_unit(r,
			    it->unit))) == NULL)
				err = inno_out_endrow(out);
			free(item);
		}
	}
	if (err == NULL)
		err = inno_out_finish(out);
	inno_out_free(out);
	return err;
}

/*
 * A sheet name from a section: "1 일반 현황", without the characters
 * Excel refuses, and at most 31 characters.
 */
static void
sheet_name(size_t i, const char *heading, char *buf, size_t size)
{
	size_t o, chars = 0;
	const unsigned char *p;

	o = (size_t)snprintf(buf, size, "%zu ", i + 1);
	chars = o;
	for (p = (const unsigned char *)heading; *p != '\0' && o + 5 < size;
	    p++) {
		if (strchr("[]:*?/\\", *p) != NULL)
			continue;
		if ((*p & 0xC0) != 0x80) {
			if (chars == 31)
				break;
			chars++;
		}
		buf[o++] = (char)*p;
	}
	buf[o] = '\0';
}

/* Copies the file at path to fp. */
static const struct inno_error *
copy_file(const char *path, FILE *fp)
{
	char buf[8192];
	size_t n;
	FILE *in;

	if ((in = fopen(path, "rb")) == NULL)
		return inno_error_errno("%s", path);
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		if (fwrite(buf, 1, n, fp) != n) {
			fclose(in);
			return inno_error_errno(_("write"));
		}
	if (ferror(in)) {
		fclose(in);
		return inno_error_errno("%s", path);
	}
	fclose(in);
	return NULL;
}

/* The label of item it in a sheet's first column, as the text report. */
static char *
sheet_label(const struct inno_ritem *it)
{
	if (it->kind == INNO_RTEXT)
		return inno_strf("%s%s", it->level == 0 ? "□ " :
		    it->level == 1 ? "○ " : "  - ", it->label);
	if (it->parent != INNO_RNONE)
		return inno_strf("%*s%s", 2 * it->level - 2, "", it->label);
	return strdup(it->label);
}

/*
 * Column widths, in Excel's units of one digit: a display column each
 * (Hangul two), and a little room.  The label column stops at LABEL_MAX
 * and wraps what is longer, so that the sheet stays one A4 page wide.
 */
#define LABEL_MIN 16
#define LABEL_MAX 60
static double
sheet_width(size_t display, size_t min, size_t max)
{
	size_t w = display + 2;

	return (double)(w < min ? min : w > max ? max : w);
}

/*
 * libxlsxwriter writes to a named file, so the workbook goes to a
 * temporary file first and is then copied to the output.  Each sheet is
 * set up to print as the office prints it: A4 portrait, scaled to one page
 * width (as many pages tall as it needs, the header row repeated), the
 * header row frozen on screen, values with thousands separators, and
 * columns as wide as their content.
 */
static const struct inno_error *
write_xlsx(const struct inno_report *r, FILE *fp)
{
	const struct inno_error *err = NULL;
	const struct inno_rsection *s;
	const struct inno_ritem *it;
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *head, *headnum, *bold, *wrap, *boldwrap, *num;
	const char *tmpdir, *hitem, *hvalue, *hunit;
	char *path, name[160], *label, digits[INNO_THOUSANDS_SIZE];
	size_t i, j, wlabel, wvalue, wunit, cw;
	lxw_error xe;
	int fd, row;

	if ((tmpdir = getenv("TMPDIR")) == NULL || *tmpdir == '\0')
		tmpdir = "/tmp";
	if ((path = inno_strf("%s/inno-report.XXXXXX", tmpdir)) == NULL)
		return inno_error_nomem();
	if ((fd = mkstemp(path)) == -1) {
		err = inno_error_errno("%s", path);
		free(path);
		return err;
	}
	close(fd);
	if ((wb = workbook_new(path)) == NULL) {
		unlink(path);
		free(path);
		return inno_error(INNO_ESYS, _("cannot start a workbook"));
	}
	head = workbook_add_format(wb);
	format_set_bold(head);
	format_set_bottom(head, LXW_BORDER_THIN);
	headnum = workbook_add_format(wb);
	format_set_bold(headnum);
	format_set_bottom(headnum, LXW_BORDER_THIN);
	format_set_align(headnum, LXW_ALIGN_RIGHT);
	bold = workbook_add_format(wb);
	format_set_bold(bold);
	boldwrap = workbook_add_format(wb);
	format_set_bold(boldwrap);
	format_set_text_wrap(boldwrap);
	format_set_align(boldwrap, LXW_ALIGN_VERTICAL_TOP);
	wrap = workbook_add_format(wb);
	format_set_text_wrap(wrap);
	format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
	num = workbook_add_format(wb);
	format_set_num_format(num, "#,##0");
	format_set_align(num, LXW_ALIGN_VERTICAL_TOP);
	/*
	 * The headings are the report's wording; the defaults, for wording
	 * that leaves them out, are in the reader's language.
	 */
	hitem = inno_config_str(r->words, "label:column.item", _("item"));
	hvalue = inno_config_str(r->words, "label:column.value",
	    _("value"));
	hunit = inno_config_str(r->words, "label:column.unit", _("unit"));
	for (i = 0; i < r->nsecs && err == NULL; i++) {
		s = &r->secs[i];
		sheet_name(i, s->heading, name, sizeof name);
		if ((ws = workbook_add_worksheet(wb, name)) == NULL) {
			snprintf(name, sizeof name, "%zu", i + 1);
			ws = workbook_add_worksheet(wb, name);
		}
		if (ws == NULL)
			continue;
		worksheet_set_paper(ws, 9);	/* A4 */
		worksheet_set_portrait(ws);
		worksheet_fit_to_pages(ws, 1, 0);
		worksheet_repeat_rows(ws, 1, 1);
		worksheet_freeze_panes(ws, 2, 0);
		worksheet_write_string(ws, 0, 0, s->heading, bold);
		worksheet_write_string(ws, 1, 0, hitem, head);
		worksheet_write_string(ws, 1, 1, hvalue, headnum);
		worksheet_write_string(ws, 1, 2, hunit, head);
		wlabel = inno_text_width(hitem);
		wvalue = inno_text_width(hvalue);
		wunit = inno_text_width(hunit);
		row = 2;
		for (j = 0; j < s->nitems; j++, row++) {
			it = &s->items[j];
			if ((label = sheet_label(it)) == NULL) {
				err = inno_error_nomem();
				break;
			}
			if ((cw = inno_text_width(label)) > wlabel)
				wlabel = cw;
			worksheet_write_string(ws, (lxw_row_t)row, 0, label,
			    it->kind == INNO_RTEXT && it->level == 0 ?
			    boldwrap : wrap);
			free(label);
			if (it->kind == INNO_RTEXT)
				continue;
			worksheet_write_number(ws, (lxw_row_t)row, 1,
			    (double)inno_report_shown(r, it), num);
			cw = strlen(inno_fmt_thousands(inno_report_shown(r, it),
			    digits));
			if (cw > wvalue)
				wvalue = cw;
			worksheet_write_string(ws, (lxw_row_t)row, 2,
			    inno_report_unit(r, it->unit), NULL);
			if ((cw = inno_text_width(inno_report_unit(r,
			    it->unit))) > wunit)
				wunit = cw;
		}
		worksheet_set_column(ws, 0, 0, sheet_width(wlabel, LABEL_MIN,
		    LABEL_MAX), NULL);
		worksheet_set_column(ws, 1, 1, sheet_width(wvalue, 8, 24), NULL);
		worksheet_set_column(ws, 2, 2, sheet_width(wunit, 6, 16), NULL);
	}
	if ((xe = workbook_close(wb)) != LXW_NO_ERROR && err == NULL)
		err = inno_error(INNO_ESYS, _("workbook: %s"),
		    lxw_strerror(xe));
	if (err == NULL)
		err = copy_file(path, fp);
	unlink(path);
	free(path);
	return err;
}

const struct inno_error *
inno_report_write(const struct inno_report *r, enum inno_report_format f,
    FILE *fp)
{
	switch (f) {
	case INNO_RFMT_TEXT:
		write_text(r, fp);
		break;
	case INNO_RFMT_MD:
		write_md(r, fp);
		break;
	case INNO_RFMT_HTML:
		write_html(r, fp);
		break;
	case INNO_RFMT_CSV:
		return write_csv(r, fp);
	case INNO_RFMT_XLSX:
		return write_xlsx(r, fp);
	}
	if (ferror(fp))
		return inno_error_errno(_("write"));
	return NULL;
}
