/*
 * hook.c: runs the executables of [hooks] dir on named events.  While a
 * command writes, its modules note the records of each event
 * (inno_hook_add); the command runs pre-EVENT just before COMMIT and
 * post-EVENT after it, each once for the whole command with every record
 * of the event in one JSON document on its standard input.  A hook is run
 * directly with posix_spawn (no shell), its standard output goes to
 * /dev/null and its standard error is kept for the message.  The records
 * wait in this file's memory between the calls: the library is single
 * threaded, and a command has one write in flight.
 */
#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hook.h"
#include "i18n.h"

extern char **environ;

/* The events, and which of their hooks exist. */
static const struct {
	const char *name;
	int pre;		/* a pre- hook may veto it */
} events[] = {
	{"award", 1},
	{"close", 0},
	{"mvp", 1},
	{"idea-adopt", 1},
};
#define NEVENTS (sizeof events / sizeof events[0])

#define MSG_LINES 3		/* lines of a hook's stderr in the message */
#define MSG_KEEP 1024		/* bytes of a hook's stderr kept */

/* The records of one event noted so far: the JSON array's contents. */
struct pending {
	struct inno_buf doc;	/* the records so far, as JSON */
	size_t n;
	int order;		/* when first noted, for the running order */
};

static struct pending pend[NEVENTS];
static int next_order;

/* Whether the hooks of each event are installed: 0 unknown, 1 no, 2 yes. */
static int known_pre[NEVENTS], known_post[NEVENTS];
static const struct inno_config *known_cfg;

static int
event_index(const char *event)
{
	size_t i;

	for (i = 0; i < NEVENTS; i++)
		if (strcmp(events[i].name, event) == 0)
			return (int)i;
	return -1;
}

/* The path of phase-event in the hooks directory into buf; -1: none. */
static int
hook_path(const struct inno_config *cfg, const char *phase, int ev,
    char *buf, size_t n)
{
	const char *dir = inno_config_str(cfg, "hooks:dir", NULL);
	struct stat sb;
	int len;

	if (dir == NULL || dir[0] == '\0')
		return -1;
	len = snprintf(buf, n, "%s/%s-%s", dir, phase, events[ev].name);
	if (len < 0 || (size_t)len >= n)
		return -1;
	/* A file that is not executable is not a hook (as in git). */
	if (stat(buf, &sb) == -1 || !S_ISREG(sb.st_mode) ||
	    access(buf, X_OK) == -1)
		return -1;
	return 0;
}

/* Whether event ev has a hook of either phase, cached for the process. */
static int
installed(const struct inno_config *cfg, int ev)
{
	char path[4096];

	if (cfg != known_cfg) {
		memset(known_pre, 0, sizeof known_pre);
		memset(known_post, 0, sizeof known_post);
		known_cfg = cfg;
	}
	if (known_pre[ev] == 0)
		known_pre[ev] = events[ev].pre && hook_path(cfg, "pre", ev,
		    path, sizeof path) == 0 ? 2 : 1;
	if (known_post[ev] == 0)
		known_post[ev] = hook_path(cfg, "post", ev, path,
		    sizeof path) == 0 ? 2 : 1;
	return known_pre[ev] == 2 || known_post[ev] == 2;
}

const struct inno_error *
inno_hook_add(struct inno_db *db, const char *event, const char *fields, ...)
{
	struct pending *p;
	const char *key, *s;
	char num[32];
	va_list ap;
	int ev, bad = 0;

	if ((ev = event_index(event)) < 0)
		return inno_error(INNO_ESYS, "unknown hook event %s", event);
	if (!installed(inno_db_config(db), ev))
		return NULL;
	p = &pend[ev];
	if (p->n == 0)
		p->order = ++next_order;
	bad |= inno_buf_put(&p->doc, p->n > 0 ? ",\n  {" : "\n  {", p->n > 0 ? 5 : 4);
	va_start(ap, fields);
	for (; *fields != '\0'; fields++) {
		key = va_arg(ap, const char *);
		bad |= inno_buf_json(&p->doc, key);
		bad |= inno_buf_put(&p->doc, ": ", 2);
		if (*fields == 'i') {
			snprintf(num, sizeof num, "%lld",
			    (long long)va_arg(ap, int64_t));
			bad |= inno_buf_put(&p->doc, num, strlen(num));
		} else if ((s = va_arg(ap, const char *)) == NULL)
			bad |= inno_buf_put(&p->doc, "null", 4);
		else
			bad |= inno_buf_json(&p->doc, s);
		if (fields[1] != '\0')
			bad |= inno_buf_put(&p->doc, ", ", 2);
	}
	va_end(ap);
	bad |= inno_buf_put(&p->doc, "}", 1);
	p->n++;
	return bad ? inno_error_nomem() : NULL;
}

void
inno_hook_discard(void)
{
	size_t i;

	for (i = 0; i < NEVENTS; i++) {
		free(pend[i].doc.s);
		memset(&pend[i], 0, sizeof pend[i]);
	}
	next_order = 0;
}

/* "NAME=value" for the hook's environment; NULL when out of memory. */
static char *
env_pair(const char *name, const char *value)
{
	return inno_strf("%s=%s", name, value != NULL ? value : "");
}

/* The program's environment with the hook's variables set over it. */
static char **
hook_env(struct inno_db *db, const char *hook, size_t nrec)
{
	static const char *const names[] = {"INNO_HOOK", "INNO_HOOK_PROGRAM",
	    "INNO_HOOK_RECORDS", "INNO_DB"};
	char count[32], **env;
	size_t n, i, k, j = 0, len;

	for (n = 0; environ[n] != NULL; n++)
		continue;
	if ((env = calloc(n + 5, sizeof *env)) == NULL)
		return NULL;
	snprintf(count, sizeof count, "%zu", nrec);
	if ((env[j++] = env_pair(names[0], hook)) == NULL ||
	    (env[j++] = env_pair(names[1], inno_db_program(db))) == NULL ||
	    (env[j++] = env_pair(names[2], count)) == NULL ||
	    (env[j++] = env_pair(names[3], inno_db_file(db))) == NULL)
		goto nomem;
	for (i = 0; i < n; i++) {
		for (k = 0; k < 4; k++) {
			len = strlen(names[k]);
			if (strncmp(environ[i], names[k], len) == 0 &&
			    environ[i][len] == '=')
				break;
		}
		if (k == 4 && (env[j++] = strdup(environ[i])) == NULL)
			goto nomem;
	}
	return env;
nomem:
	for (i = 0; i < j; i++)
		free(env[i]);
	free(env);
	return NULL;
}

static void
env_free(char **env)
{
	size_t i;

	for (i = 0; env != NULL && env[i] != NULL; i++)
		free(env[i]);
	free(env);
}

/* The first MSG_LINES lines of what a hook wrote, joined by "; ". */
static void
first_lines(char *err, size_t len, char *out, size_t n)
{
	size_t i, lines = 0, o = 0;
	int blank = 1;

	for (i = 0; i < len && lines < MSG_LINES && o + 3 < n; i++) {
		if (err[i] == '\n' || err[i] == '\r') {
			if (!blank) {
				lines++;
				if (lines < MSG_LINES && o + 3 < n) {
					out[o++] = ';';
					out[o++] = ' ';
				}
			}
			blank = 1;
			continue;
		}
		out[o++] = (unsigned char)err[i] < 0x20 ? ' ' : err[i];
		blank = 0;
	}
	while (o >= 2 && out[o - 2] == ';' && out[o - 1] == ' ')
		o -= 2;
	out[o] = '\0';
}

/*
 * Feeds the document's parts (the head, the records, the tail: the
 * records are not copied again, however many a batch has) to the hook's
 * stdin and reads its stderr until both end.
 */
static int
exchange(int in, int errfd, const char *const *part, size_t nparts,
    char *keep, size_t *kept)
{
	struct pollfd fds[2];
	char buf[512];
	size_t off = 0, p = 0, len;
	ssize_t r;
	int nfds;

	*kept = 0;
	while (p < nparts && part[p][0] == '\0')
		p++;
	len = p < nparts ? strlen(part[p]) : 0;
	if (len == 0) {
		close(in);
		in = -1;
	} else
		fcntl(in, F_SETFL, fcntl(in, F_GETFL) | O_NONBLOCK);
	while (in != -1 || errfd != -1) {
		nfds = 0;
		if (errfd != -1) {
			fds[nfds].fd = errfd;
			fds[nfds++].events = POLLIN;
		}
		if (in != -1) {
			fds[nfds].fd = in;
			fds[nfds++].events = POLLOUT;
		}
		if (poll(fds, (nfds_t)nfds, -1) == -1) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (int i = 0; i < nfds; i++) {
			if (fds[i].revents == 0)
				continue;
			if (fds[i].fd == errfd) {
				r = read(errfd, buf, sizeof buf);
				if (r == -1 && errno == EINTR)
					continue;
				if (r <= 0) {
					close(errfd);
					errfd = -1;
					continue;
				}
				if (*kept < MSG_KEEP) {
					size_t k = MSG_KEEP - *kept;
					if ((size_t)r < k)
						k = (size_t)r;
					memcpy(keep + *kept, buf, k);
					*kept += k;
				}
			} else {
				r = write(in, part[p] + off, len - off);
				if (r == -1 && (errno == EINTR ||
				    errno == EAGAIN))
					continue;
				/* A hook need not read its input (EPIPE). */
				if (r != -1 && (off += (size_t)r) == len) {
					off = 0;
					while (++p < nparts &&
					    part[p][0] == '\0')
						continue;
					len = p < nparts ? strlen(part[p]) : 0;
				}
				if (r == -1 || len == 0) {
					close(in);
					in = -1;
				}
			}
		}
	}
	if (in != -1)
		close(in);
	if (errfd != -1)
		close(errfd);
	return 0;
}

static int
cloexec_pipe(int p[2])
{
	if (pipe(p) == -1)
		return -1;
	fcntl(p[0], F_SETFD, FD_CLOEXEC);
	fcntl(p[1], F_SETFD, FD_CLOEXEC);
	return 0;
}

/* Runs one hook at path with doc on its stdin. */
static const struct inno_error *
run_hook(struct inno_db *db, const char *path, const char *hook,
    const char *const *doc, size_t nparts, size_t nrec, int pre)
{
	const struct inno_error *err = NULL;
	posix_spawn_file_actions_t fa;
	struct sigaction ign, old;
	char keep[MSG_KEEP], msg[512], *argv[2], **env;
	int in[2] = {-1, -1}, ep[2] = {-1, -1}, status, rc;
	size_t kept = 0;
	pid_t pid;

	if ((env = hook_env(db, hook, nrec)) == NULL)
		return inno_error_nomem();
	if (cloexec_pipe(in) == -1 || cloexec_pipe(ep) == -1) {
		err = inno_error_errno(_("%s hook"), hook);
		goto done;
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, in[0], 0);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, ep[1], 2);
	argv[0] = (char *)path;
	argv[1] = NULL;
	rc = posix_spawn(&pid, path, &fa, NULL, argv, env);
	posix_spawn_file_actions_destroy(&fa);
	close(in[0]);
	close(ep[1]);
	in[0] = ep[1] = -1;
	if (rc != 0) {
		errno = rc;
		err = inno_error_code(pre ? INNO_EINPUT : INNO_ESYS,
		    INNO_E_HOOK, _("%s hook %s: %s"), hook, path,
		    strerror(rc));
		goto done;
	}
	/* A hook that does not read its input must not kill the program. */
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGPIPE, &ign, &old);
	exchange(in[1], ep[0], doc, nparts, keep, &kept);
	in[1] = ep[0] = -1;
	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR) {
			status = -1;
			break;
		}
	sigaction(SIGPIPE, &old, NULL);
	first_lines(keep, kept, msg, sizeof msg);
	if (status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0)
		goto done;
	if (status != -1 && WIFEXITED(status))
		err = inno_error_code(INNO_EINPUT, INNO_E_HOOK, msg[0] != '\0' ?
		    _("%s hook failed (exit %d): %s") : _("%s hook failed "
		    "(exit %d)%s"), hook, WEXITSTATUS(status), msg);
	else
		err = inno_error_code(INNO_EINPUT, INNO_E_HOOK, msg[0] != '\0' ?
		    _("%s hook killed by signal %d: %s") : _("%s hook killed "
		    "by signal %d%s"), hook, status != -1 && WIFSIGNALED(status) ?
		    WTERMSIG(status) : 0, msg);
done:
	if (in[0] != -1)
		close(in[0]);
	if (in[1] != -1)
		close(in[1]);
	if (ep[0] != -1)
		close(ep[0]);
	if (ep[1] != -1)
		close(ep[1]);
	env_free(env);
	return err;
}

/* Runs the phase's hook of every event with records, in the order noted. */
static const struct inno_error *
run_phase(struct inno_db *db, const char *phase, int pre)
{
	const struct inno_error *err, *first = NULL;
	struct inno_error copy;
	char path[4096], hook[64], *head;
	const char *doc[3];
	int order, best;
	size_t i;

	for (order = 1; order <= next_order; order++) {
		for (best = -1, i = 0; i < NEVENTS; i++)
			if (pend[i].n > 0 && pend[i].order == order)
				best = (int)i;
		if (best < 0 || (pre && !events[best].pre) ||
		    hook_path(inno_db_config(db), phase, best, path,
		    sizeof path) == -1)
			continue;
		snprintf(hook, sizeof hook, "%s-%s", phase, events[best].name);
		head = inno_strf("{\"event\": \"%s\", \"program\": \"%s\", "
		    "\"records\": [", hook, inno_db_program(db));
		if (head == NULL)
			return inno_error_nomem();
		doc[0] = head;
		doc[1] = pend[best].doc.s;
		doc[2] = "\n]}\n";
		err = run_hook(db, path, hook, doc, 3, pend[best].n, pre);
		free(head);
		if (err != NULL && pre)
			return err;
		if (err != NULL && first == NULL) {
			/* Later hooks may take the error's slot in the ring. */
			copy = *err;
			first = &copy;
		}
	}
	if (first != NULL)
		return inno_error_code(first->code, first->what, "%s",
		    first->msg);
	return NULL;
}

const struct inno_error *
inno_hook_pre(struct inno_db *db)
{
	return run_phase(db, "pre", 1);
}

const struct inno_error *
inno_hook_post(struct inno_db *db)
{
	const struct inno_error *err;

	err = run_phase(db, "post", 0);
	inno_hook_discard();
	return err;
}
