/*
 * db-pg-sql.c: the modules' SQL in PostgreSQL's dialect.  The modules
 * write each statement once, for SQLite, with ? and ?N placeholders; the
 * PostgreSQL engine runs the same text through inno_pg_sql before it
 * prepares it.  It is a rewrite of tokens, not a parser: it splits the
 * text into words, literals, quoted names, comments and punctuation,
 * follows the nesting of parentheses, and changes the few constructs
 * whose meaning differs, leaving every other byte as it was, so that a
 * statement in an error message still reads as the module wrote it.
 *
 * What changes, and why:
 *
 * - ? and ?N are $N, numbered as SQLite numbers them (a bare ? is one
 *   more than the largest number so far).
 * - INSERT OR IGNORE is INSERT ... ON CONFLICT DO NOTHING.
 * - user, left and end, reserved in PostgreSQL and names of columns in
 *   the schema, are quoted where they are names (not LEFT JOIN, not
 *   CASE ... END); temp.x, SQLite's temporary schema, is pg_temp.x.
 * - SQLite's functions with another name or another behaviour call their
 *   PostgreSQL counterparts or the compatibility functions of
 *   share/schema/pg/0001-core.sql (inno_sum, inno_date, inno_printf, ...);
 *   group_concat is string_agg over text, and max and min of several
 *   arguments are greatest and least.
 * - CAST to INTEGER and REAL are CAST to bigint and double precision,
 *   SQLite's 64-bit integer and 8-byte real, and so are the types of
 *   the columns of a CREATE TABLE (a module's temporary table).
 * - x IS y, SQLite's null-safe equality, is IS NOT DISTINCT FROM, and
 *   IS NOT is IS DISTINCT FROM.
 * - Every ORDER BY term says where NULLs go, as SQLite puts them: first
 *   when ascending, last when descending (PostgreSQL does the opposite).
 * - LIMIT -1 is LIMIT ALL; CROSS JOIN with an ON is INNER JOIN, which is
 *   what SQLite means by it; a subquery in FROM without a name is given
 *   one, which PostgreSQL 15 requires.
 * - A condition that starts ?N IS NULL OR ... ends with OR ?N IS NULL
 *   instead, so that the server sees the parameter first where its type
 *   shows (see token).
 * - A unary + before a column, SQLite's way to keep a query off an
 *   index, is dropped: PostgreSQL has no + for text.
 * - In ON CONFLICT DO UPDATE SET, a column of the table in a value is
 *   named with the table's name, as PostgreSQL needs to tell it from
 *   excluded's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "db-pg-sql.h"
#include "inno.h"

enum tk {
	T_SPACE,		/* whitespace */
	T_COMMENT,		/* -- to the end of the line, or a block */
	T_STR,			/* '...' with '' inside */
	T_QID,			/* "..." with "" inside */
	T_WORD,			/* a keyword or a name */
	T_NUM,
	T_PARAM,		/* ? or ?N */
	T_OP,			/* an operator, one to three bytes */
	T_LP,
	T_RP,
	T_COMMA,
	T_SEMI,
	T_DOT,
	T_END,			/* past the last token */
};

struct tok {
	enum tk k;
	size_t off, len;
};

/* What a pair of parentheses holds, for what its end must add. */
enum fkind {
	F_PLAIN,
	F_CAST,			/* CAST( ... AS type) */
	F_PRINTF,		/* its arguments after the format become text */
	F_GCONCAT,		/* group_concat's first argument becomes text */
	F_DERIVED,		/* a subquery in FROM, which needs a name */
};

/* One level of parentheses (the statement itself is level 0). */
struct frame {
	enum fkind kind;
	int args;		/* commas seen at this level */
	int ncase;		/* CASEs open at this level */
	int from;		/* in a FROM clause at this level */
	int order;		/* in an ORDER BY at this level */
	int term;		/* the ORDER BY term has a token */
	int desc;		/* ... and DESC */
	int nulls;		/* ... and its own NULLS */
	int wantwrap;		/* printf: the next argument opens a CAST */
	int wrap;		/* printf: a CAST is open */
	int wantcast;		/* group_concat: the first argument is next */
	char tail[48];		/* " OR $N IS NULL", moved to the end */
};

struct tr {
	const char *sql;
	struct tok *t;
	size_t nt;
	struct frame *f;	/* f[0] .. f[depth] */
	size_t depth, capf;
	enum fkind next_kind;	/* the kind of the next ( */
	struct inno_buf out;
	size_t pend;		/* first token not yet written */
	size_t prev;		/* the last significant token, or nt */
	size_t first;		/* the first one, or nt */
	int maxp;
	int returning;
	int ignore;		/* an ON CONFLICT DO NOTHING to add */
	int nalias;
	size_t target;		/* the INSERT's table, or nt */
	int upd;		/* in ON CONFLICT DO UPDATE SET: 1 a column
				   to set, 2 its value, 3 a value with a
				   subquery */
	int nomem;
};

static int
is_word_byte(unsigned char c, int first)
{
	if (c == '_' || c >= 0x80 || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z'))
		return 1;
	return !first && ((c >= '0' && c <= '9') || c == '$');
}

/* Splits sql into tokens in *tp; -1 when memory is short. */
static int
tokenize(const char *sql, struct tok **tp, size_t *ntp)
{
	static const char *const ops[] = {"->>", "->", "||", "<=", ">=",
	    "<>", "!=", "==", "<<", ">>"};
	const char *s = sql;
	struct tok *t = NULL, *grown;
	size_t n = 0, cap = 0, i, len, k;
	enum tk kind;

	for (i = 0; s[i] != '\0'; i += len) {
		unsigned char c = (unsigned char)s[i];

		len = 1;
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
		    c == '\f' || c == '\v') {
			kind = T_SPACE;
			while (s[i + len] != '\0' && strchr(" \t\n\r\f\v",
			    s[i + len]) != NULL)
				len++;
		} else if (c == '-' && s[i + 1] == '-') {
			kind = T_COMMENT;
			while (s[i + len] != '\0' && s[i + len] != '\n')
				len++;
		} else if (c == '/' && s[i + 1] == '*') {
			const char *e = strstr(s + i + 2, "*/");

			kind = T_COMMENT;
			len = e != NULL ? (size_t)(e - (s + i)) + 2 :
			    strlen(s + i);
		} else if (c == '\'' || c == '"') {
			/* A doubled quote is one inside; unterminated runs
			   to the end, for the server to refuse. */
			kind = c == '\'' ? T_STR : T_QID;
			for (;;) {
				if (s[i + len] == '\0')
					break;
				if (s[i + len] == (char)c) {
					if (s[i + len + 1] != (char)c) {
						len++;
						break;
					}
					len++;
				}
				len++;
			}
		} else if (is_word_byte(c, 1)) {
			kind = T_WORD;
			while (is_word_byte((unsigned char)s[i + len], 0))
				len++;
		} else if ((c >= '0' && c <= '9') || (c == '.' &&
		    s[i + 1] >= '0' && s[i + 1] <= '9')) {
			kind = T_NUM;
			while ((s[i + len] >= '0' && s[i + len] <= '9') ||
			    s[i + len] == '.' || is_word_byte((unsigned char)
			    s[i + len], 0) || ((s[i + len] == '+' ||
			    s[i + len] == '-') && (s[i + len - 1] == 'e' ||
			    s[i + len - 1] == 'E')))
				len++;
		} else if (c == '?') {
			kind = T_PARAM;
			while (s[i + len] >= '0' && s[i + len] <= '9')
				len++;
		} else if (c == '(')
			kind = T_LP;
		else if (c == ')')
			kind = T_RP;
		else if (c == ',')
			kind = T_COMMA;
		else if (c == ';')
			kind = T_SEMI;
		else if (c == '.')
			kind = T_DOT;
		else {
			kind = T_OP;
			for (k = 0; k < sizeof ops / sizeof ops[0]; k++)
				if (strncmp(s + i, ops[k], strlen(ops[k])) ==
				    0) {
					len = strlen(ops[k]);
					break;
				}
			/* A multi-byte character outside a word stays
			   whole. */
			while (c >= 0x80 && ((unsigned char)s[i + len] &
			    0xC0) == 0x80)
				len++;
		}
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			if ((grown = realloc(t, cap * sizeof *t)) == NULL) {
				free(t);
				return -1;
			}
			t = grown;
		}
		t[n].k = kind;
		t[n].off = i;
		t[n].len = len;
		n++;
	}
	*tp = t;
	*ntp = n;
	return 0;
}

static int
sig(const struct tok *t)
{
	return t->k != T_SPACE && t->k != T_COMMENT;
}

/* The next significant token after i, or nt. */
static size_t
next_sig(const struct tr *x, size_t i)
{
	for (i++; i < x->nt && !sig(&x->t[i]); i++)
		continue;
	return i;
}

static int
kind_at(const struct tr *x, size_t i)
{
	return i < x->nt ? (int)x->t[i].k : T_END;
}

/* Whether token i is the word w, in any case. */
static int
word_is(const struct tr *x, size_t i, const char *w)
{
	return i < x->nt && x->t[i].k == T_WORD && x->t[i].len ==
	    strlen(w) && strncasecmp(x->sql + x->t[i].off, w,
	    x->t[i].len) == 0;
}

/* Whether token i is one of the words of list, NULL-ended. */
static int
word_in(const struct tr *x, size_t i, const char *const *list)
{
	for (; *list != NULL; list++)
		if (word_is(x, i, *list))
			return 1;
	return 0;
}

static void
put(struct tr *x, const char *s, size_t n)
{
	if (!x->nomem && inno_buf_put(&x->out, s, n) == -1)
		x->nomem = 1;
}

static void
puts_(struct tr *x, const char *s)
{
	put(x, s, strlen(s));
}

/* Writes tokens from pend up to (not including) i as they are. */
static void
flush(struct tr *x, size_t i)
{
	if (i > x->pend) {
		size_t end = i < x->nt ? x->t[i].off : strlen(x->sql);

		put(x, x->sql + x->t[x->pend].off, end - x->t[x->pend].off);
	}
	x->pend = i;
}

static struct frame *
top(struct tr *x)
{
	return &x->f[x->depth];
}

static int
push(struct tr *x, enum fkind kind)
{
	struct frame *grown;

	if (x->depth + 1 == x->capf) {
		if ((grown = realloc(x->f, 2 * x->capf * sizeof *grown)) ==
		    NULL) {
			x->nomem = 1;
			return -1;
		}
		x->f = grown;
		x->capf *= 2;
	}
	x->depth++;
	memset(top(x), 0, sizeof *top(x));
	top(x)->kind = kind;
	if (kind == F_GCONCAT)
		top(x)->wantcast = 1;
	return 0;
}

/*
 * The number of arguments of the call whose ( is token lp: commas at its
 * level plus one.
 */
static int
nargs(const struct tr *x, size_t lp)
{
	size_t i;
	int depth = 0, n = 1;

	for (i = lp; i < x->nt; i++) {
		if (x->t[i].k == T_LP)
			depth++;
		else if (x->t[i].k == T_RP && --depth == 0)
			break;
		else if (x->t[i].k == T_COMMA && depth == 1)
			n++;
	}
	return n;
}

/*
 * Whether the CROSS JOIN at token j (the JOIN) has an ON or USING before
 * the next join, clause or end of its level.
 */
static int
join_has_on(const struct tr *x, size_t j)
{
	static const char *const stop[] = {"JOIN", "WHERE", "GROUP",
	    "ORDER", "HAVING", "LIMIT", "UNION", "EXCEPT", "INTERSECT",
	    "WINDOW", "RETURNING", NULL};
	size_t i;
	int depth = 0;

	for (i = j + 1; i < x->nt; i++) {
		enum tk k = x->t[i].k;

		if (k == T_LP)
			depth++;
		else if (k == T_RP && depth-- == 0)
			return 0;
		else if (depth > 0)
			continue;
		else if (k == T_COMMA || k == T_SEMI || word_in(x, i, stop))
			return 0;
		else if (word_is(x, i, "ON") || word_is(x, i, "USING"))
			return 1;
	}
	return 0;
}

/* The words that end an ORDER BY term at its level, besides , ) ; */
static const char *const order_end[] = {"LIMIT", "OFFSET", "ON",
    "RETURNING", "ROWS", "RANGE", "GROUPS", "FETCH", "FOR", "WINDOW",
    "UNION", "EXCEPT", "INTERSECT", NULL};

/* Words after a subquery in FROM that are not its name. */
static const char *const not_alias[] = {"WHERE", "GROUP", "ORDER",
    "HAVING", "LIMIT", "OFFSET", "UNION", "EXCEPT", "INTERSECT", "JOIN",
    "LEFT", "RIGHT", "INNER", "CROSS", "FULL", "NATURAL", "ON", "USING",
    "WINDOW", "RETURNING", "SET", NULL};

/* Words that end a FROM clause at their level. */
static const char *const from_end[] = {"WHERE", "GROUP", "HAVING",
    "ORDER", "LIMIT", "UNION", "EXCEPT", "INTERSECT", "WINDOW", "SET",
    "RETURNING", "SELECT", NULL};

/* Words that end a WHERE condition at its level, besides order_end. */
static const char *const clause_end[] = {"GROUP", "ORDER", "HAVING",
    NULL};

/*
 * Words of a value in ON CONFLICT DO UPDATE SET that are not columns of
 * the table.
 */
static const char *const not_column[] = {"CASE", "WHEN", "THEN", "ELSE",
    "END", "AND", "OR", "NOT", "NULL", "IS", "IN", "BETWEEN", "LIKE",
    "TRUE", "FALSE", "CAST", "AS", "DISTINCT", "FROM", "COLLATE",
    "excluded", "precision", "WHERE", "RETURNING", NULL};

/* SQLite's functions under PostgreSQL's names or the schema's. */
static const struct {
	const char *sqlite, *pg;
	enum fkind kind;
} fns[] = {
	{"ifnull", "coalesce", F_PLAIN},
	{"instr", "strpos", F_PLAIN},
	{"group_concat", "string_agg", F_GCONCAT},
	{"sum", "inno_sum", F_PLAIN},
	{"total", "inno_total", F_PLAIN},
	{"date", "inno_date", F_PLAIN},
	{"strftime", "inno_strftime", F_PLAIN},
	{"json_extract", "inno_json_extract", F_PLAIN},
	{"json_each", "inno_json_each", F_PLAIN},
	{"json_object", "json_build_object", F_PLAIN},
	{"printf", "inno_printf", F_PRINTF},
	{"hex", "inno_hex", F_PLAIN},
	{"char", "inno_char", F_PLAIN},
};

/*
 * What must come right after the last significant token, before token i
 * (and the space in front of it): the end of an ORDER BY term, of a
 * printf argument, of group_concat's first argument, of an INSERT OR
 * IGNORE.
 */
static void
close_before(struct tr *x, size_t i)
{
	struct frame *f = top(x);
	int k = kind_at(x, i);

	if (f->tail[0] != '\0' && (k == T_COMMA || k == T_RP ||
	    k == T_SEMI || k == T_END || word_in(x, i, order_end) ||
	    word_in(x, i, clause_end))) {
		puts_(x, f->tail);
		f->tail[0] = '\0';
	}
	if (f->order && (k == T_COMMA || k == T_RP || k == T_SEMI ||
	    k == T_END || word_in(x, i, order_end))) {
		if (f->term && !f->nulls)
			puts_(x, f->desc ? " NULLS LAST" : " NULLS FIRST");
		f->term = f->desc = f->nulls = 0;
		if (k != T_COMMA)
			f->order = 0;
	}
	if (f->kind == F_PRINTF && f->wrap && (k == T_COMMA || k == T_RP)) {
		puts_(x, ") AS text)");
		f->wrap = 0;
	}
	if (f->kind == F_GCONCAT && f->args == 0 && !f->wantcast) {
		if (k == T_COMMA)
			puts_(x, " AS text)");
		else if (k == T_RP)
			puts_(x, " AS text), ','");
	}
	if (x->ignore && x->depth == 0 && (k == T_SEMI || k == T_END ||
	    word_is(x, i, "RETURNING"))) {
		puts_(x, " ON CONFLICT DO NOTHING");
		x->ignore = 0;
	}
}

/* What must come right before token i, after the space in front of it. */
static void
open_before(struct tr *x, size_t i)
{
	struct frame *f = top(x);
	int k = kind_at(x, i);

	if (f->kind == F_PRINTF && f->wantwrap && k != T_RP) {
		puts_(x, "CAST((");
		f->wrap = 1;
		f->wantwrap = 0;
	}
	if (f->kind == F_GCONCAT && f->wantcast && k != T_RP &&
	    !word_is(x, i, "DISTINCT") && !word_is(x, i, "ALL")) {
		puts_(x, "CAST(");
		f->wantcast = 0;
	}
	if (f->order && k != T_END) {
		f->term = 1;
		if (word_is(x, i, "DESC"))
			f->desc = 1;
		else if (word_is(x, i, "NULLS"))
			f->nulls = 1;
	}
}

/*
 * Writes word i, changed where it must be; may consume the tokens after
 * it (moving x->pend and returning the last one it took).
 */
static size_t
word(struct tr *x, size_t i)
{
	static const char *const plain_is[] = {"NULL", "TRUE", "FALSE",
	    "DISTINCT", "UNKNOWN", NULL};
	struct frame *f = top(x);
	const char *w = x->sql + x->t[i].off;
	size_t n = x->t[i].len, nx = next_sig(x, i), k;
	int after_dot = x->prev < x->nt && x->t[x->prev].k == T_DOT;

	if (word_is(x, i, "IS")) {
		size_t target = word_is(x, nx, "NOT") ? next_sig(x, nx) : nx;

		if (target >= x->nt || word_in(x, target, plain_is)) {
			put(x, w, n);
			return i;
		}
		if (target != nx) {
			puts_(x, "IS DISTINCT FROM");
			x->pend = nx + 1;
			return nx;
		}
		puts_(x, "IS NOT DISTINCT FROM");
		return i;
	}
	if (word_is(x, i, "INSERT") && x->depth == 0 && word_is(x, nx, "OR") &&
	    word_is(x, next_sig(x, nx), "IGNORE")) {
		put(x, w, n);
		x->ignore = 1;
		nx = next_sig(x, nx);
		x->pend = nx + 1;
		return nx;
	}
	if (word_is(x, i, "LIMIT") && kind_at(x, nx) == T_OP &&
	    x->t[nx].len == 1 && x->sql[x->t[nx].off] == '-') {
		size_t one = next_sig(x, nx);

		if (kind_at(x, one) == T_NUM && x->t[one].len == 1 &&
		    x->sql[x->t[one].off] == '1') {
			puts_(x, "LIMIT ALL");
			x->pend = one + 1;
			return one;
		}
	}
	if (word_is(x, i, "BY") && word_is(x, x->prev, "ORDER")) {
		f->order = 1;
		f->term = f->desc = f->nulls = 0;
	} else if (word_is(x, i, "CASE"))
		f->ncase++;
	else if (word_is(x, i, "FROM"))
		f->from = 1;
	else if (word_in(x, i, from_end))
		f->from = 0;
	if (word_is(x, i, "RETURNING") && x->depth == 0)
		x->returning = 1;

	/* A cast's type, or a column's in CREATE TABLE, as SQLite's type
	   affinities mean it. */
	if ((f->kind == F_CAST && f->args == 0 && word_is(x, x->prev, "AS") &&
	    kind_at(x, nx) == T_RP) || (word_is(x, x->first, "CREATE") &&
	    x->prev < x->nt && x->t[x->prev].k == T_WORD && !after_dot)) {
		if (word_is(x, i, "INTEGER")) {
			puts_(x, "bigint");
			return i;
		}
		if (word_is(x, i, "REAL")) {
			puts_(x, "double precision");
			return i;
		}
	}
	if (kind_at(x, nx) == T_LP && !after_dot) {
		if (word_is(x, i, "CAST")) {
			x->next_kind = F_CAST;
			put(x, w, n);
			return i;
		}
		if ((word_is(x, i, "max") || word_is(x, i, "min")) &&
		    nargs(x, nx) > 1) {
			puts_(x, word_is(x, i, "max") ? "greatest" : "least");
			return i;
		}
		for (k = 0; k < sizeof fns / sizeof fns[0]; k++)
			if (word_is(x, i, fns[k].sqlite)) {
				puts_(x, fns[k].pg);
				x->next_kind = fns[k].kind;
				return i;
			}
	}
	if (word_is(x, i, "user")) {
		puts_(x, "\"user\"");
		return i;
	}
	if (word_is(x, i, "left") && !word_is(x, nx, "JOIN") &&
	    !word_is(x, nx, "OUTER")) {
		puts_(x, "\"left\"");
		return i;
	}
	if (word_is(x, i, "end")) {
		/* CASE's END closes the innermost CASE of its level; an end
		   after a dot or AS, or with no CASE open, is the column. */
		if (!after_dot && !word_is(x, x->prev, "AS") && f->ncase > 0)
			f->ncase--;
		else {
			puts_(x, "\"end\"");
			return i;
		}
	}
	if (word_is(x, i, "temp") && kind_at(x, nx) == T_DOT && !after_dot) {
		puts_(x, "pg_temp");
		return i;
	}
	if (word_is(x, i, "CROSS") && word_is(x, nx, "JOIN") &&
	    join_has_on(x, nx)) {
		puts_(x, "INNER");
		return i;
	}
	put(x, w, n);
	return i;
}

/*
 * Whether the parameter at token i starts a condition (after a ( or
 * WHERE) as ?N IS NULL OR, with no such condition already moved at its
 * level.
 */
static int
null_or(struct tr *x, size_t i)
{
	size_t is = next_sig(x, i), null = next_sig(x, is);
	size_t p = x->prev;

	if (top(x)->tail[0] != '\0' || p >= x->nt || !(x->t[p].k == T_LP ||
	    word_is(x, p, "WHERE")))
		return 0;
	return word_is(x, is, "IS") && word_is(x, null, "NULL") &&
	    word_is(x, next_sig(x, null), "OR") &&
	    next_sig(x, next_sig(x, null)) < x->nt;
}

/*
 * Whether word i, in the value of an ON CONFLICT DO UPDATE SET, is a
 * column of the table, which PostgreSQL finds ambiguous (beside
 * excluded's) unless the table's name says whose.
 */
static int
upd_column(struct tr *x, size_t i)
{
	size_t nx = next_sig(x, i);

	if (x->upd != 2 || x->target >= x->nt)
		return 0;
	if (x->prev < x->nt && (x->t[x->prev].k == T_DOT ||
	    word_is(x, x->prev, "AS")))
		return 0;
	if (kind_at(x, nx) == T_LP || kind_at(x, nx) == T_DOT)
		return 0;
	return !word_in(x, i, not_column);
}

/* Follows ON CONFLICT DO UPDATE SET a = value, b = value ... */
static void
upd_track(struct tr *x, size_t i)
{
	size_t j;
	int depth = 0;

	if (x->depth != 0)
		return;
	if (x->t[i].k == T_WORD && word_is(x, i, "INTO") &&
	    x->target >= x->nt && kind_at(x, next_sig(x, i)) == T_WORD)
		x->target = next_sig(x, i);
	else if (word_is(x, i, "SET") && word_is(x, x->prev, "UPDATE"))
		x->upd = 1;
	else if (x->upd != 0 && (x->t[i].k == T_SEMI || word_is(x, i,
	    "WHERE") || word_is(x, i, "RETURNING")))
		x->upd = 0;
	else if (x->upd != 0 && x->t[i].k == T_COMMA)
		x->upd = 1;
	else if (x->upd == 1 && x->t[i].k == T_OP && x->t[i].len == 1 &&
	    x->sql[x->t[i].off] == '=') {
		/* A value with a subquery may name other tables: left as
		   it is. */
		x->upd = 2;
		for (j = next_sig(x, i); j < x->nt; j = next_sig(x, j)) {
			if (x->t[j].k == T_LP)
				depth++;
			else if (x->t[j].k == T_RP)
				depth--;
			else if (depth == 0 && (x->t[j].k == T_COMMA ||
			    word_is(x, j, "WHERE") ||
			    word_is(x, j, "RETURNING")))
				break;
			else if (word_is(x, j, "SELECT"))
				x->upd = 3;
		}
	}
}

/* Whether an operator after token p is a unary one (p: the one before). */
static int
unary_at(const struct tr *x, size_t p)
{
	static const char *const before[] = {"WHERE", "AND", "OR", "NOT",
	    "ON", "WHEN", "THEN", "ELSE", "SELECT", "BY", "HAVING", NULL};

	return p >= x->nt || x->t[p].k == T_LP || x->t[p].k == T_COMMA ||
	    word_in(x, p, before);
}

/* Handles significant token i; returns the last token it consumed. */
static size_t
token(struct tr *x, size_t i)
{
	struct frame *f;
	char num[24];
	size_t nx;
	long v;

	close_before(x, i);
	flush(x, i);
	if (i >= x->nt)
		return i;
	open_before(x, i);
	f = top(x);
	switch (x->t[i].k) {
	case T_PARAM:
		if (x->t[i].len > 1) {
			v = strtol(x->sql + x->t[i].off + 1, NULL, 10);
			if (v > 32766)
				v = 32766;
		} else
			v = x->maxp + 1;
		if (v > x->maxp)
			x->maxp = (int)v;
		if (null_or(x, i)) {
			/*
			 * (?N IS NULL OR x = ?N), the modules' optional
			 * filter, is (x = ?N OR ?N IS NULL): PostgreSQL
			 * gives a parameter its type where it is first
			 * used, and refuses one first seen as unknown in
			 * IS NULL and then as text.  OR is commutative.
			 */
			snprintf(f->tail, sizeof f->tail, " OR $%ld IS NULL", v);
			nx = next_sig(x, next_sig(x, next_sig(x, i)));
			x->pend = next_sig(x, nx);
			x->prev = nx;
			return nx;
		}
		snprintf(num, sizeof num, "$%ld", v);
		puts_(x, num);
		break;
	case T_LP: {
		enum fkind kind = x->next_kind;
		size_t p = x->prev;

		x->next_kind = F_PLAIN;
		nx = next_sig(x, i);
		if (kind == F_PLAIN && (word_is(x, p, "FROM") ||
		    word_is(x, p, "JOIN") || (p < x->nt &&
		    x->t[p].k == T_COMMA && f->from)) &&
		    (word_is(x, nx, "SELECT") || word_is(x, nx, "WITH") ||
		    word_is(x, nx, "VALUES")))
			kind = F_DERIVED;
		put(x, "(", 1);
		push(x, kind);
		break;
	}
	case T_RP:
		put(x, ")", 1);
		if (x->depth == 0)
			break;
		x->depth--;
		if (x->f[x->depth + 1].kind == F_DERIVED) {
			nx = next_sig(x, i);
			if (!word_is(x, nx, "AS") && (kind_at(x, nx) != T_WORD ||
			    word_in(x, nx, not_alias)) &&
			    kind_at(x, nx) != T_QID) {
				snprintf(num, sizeof num, " AS inno_%d",
				    ++x->nalias);
				puts_(x, num);
			}
		}
		break;
	case T_COMMA:
		f->args++;
		if (f->kind == F_PRINTF)
			f->wantwrap = 1;
		put(x, ",", 1);
		break;
	case T_OP:
		/* SQLite's unary + before a column keeps a query off the
		   column's index; PostgreSQL has no + for text, and needs no
		   such hint. */
		if (x->t[i].len == 1 && x->sql[x->t[i].off] == '+' &&
		    unary_at(x, x->prev) && (kind_at(x, next_sig(x, i)) ==
		    T_WORD || kind_at(x, next_sig(x, i)) == T_QID)) {
			x->pend = next_sig(x, i);
			x->prev = i;
			return i;
		}
		put(x, x->sql + x->t[i].off, x->t[i].len);
		break;
	case T_WORD:
		if (upd_column(x, i)) {
			put(x, x->sql + x->t[x->target].off,
			    x->t[x->target].len);
			put(x, ".", 1);
		}
		i = word(x, i);
		break;
	default:
		put(x, x->sql + x->t[i].off, x->t[i].len);
		break;
	}
	upd_track(x, i);
	x->prev = i;
	x->pend = i + 1 > x->pend ? i + 1 : x->pend;
	return i;
}

char *
inno_pg_sql(const char *sql, int *nparams, int *returning)
{
	struct tr x;
	size_t i;

	memset(&x, 0, sizeof x);
	x.sql = sql;
	if (tokenize(sql, &x.t, &x.nt) == -1)
		return NULL;
	x.capf = 16;
	if ((x.f = calloc(x.capf, sizeof *x.f)) == NULL) {
		free(x.t);
		return NULL;
	}
	x.prev = x.nt;
	x.target = x.nt;
	for (x.first = 0; x.first < x.nt && !sig(&x.t[x.first]); x.first++)
		continue;
	for (i = 0; i < x.nt && !x.nomem; i++)
		if (sig(&x.t[i]))
			i = token(&x, i);
	if (!x.nomem)
		token(&x, x.nt);
	/* An empty statement is an empty string, not NULL. */
	if (!x.nomem && x.out.s == NULL)
		put(&x, "", 0);
	free(x.t);
	free(x.f);
	if (x.nomem) {
		free(x.out.s);
		return NULL;
	}
	if (nparams != NULL)
		*nparams = x.maxp;
	if (returning != NULL)
		*returning = x.returning;
	return x.out.s;
}
