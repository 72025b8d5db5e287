/*
 * timeit: the clock of the benchmarks.  Runs a command N times, one after
 * the other (fork and exec, standard output to /dev/null or a file,
 * standard input from /dev/null or a file), and prints one line:
 *
 *   SECONDS PEAK_KB RESOLUTION
 *
 * the wall time of all N runs together by CLOCK_MONOTONIC, the largest
 * peak resident set of any one run (getrusage of the children, in KiB), and
 * the clock's resolution in seconds.  Work that takes a few milliseconds
 * is timed as the total of many runs, so that neither the clock nor the
 * cost of starting the timer decides the figure.  A run that fails stops
 * timeit with exit status 1 and its standard error left as it was.
 *
 *   usage: timeit [-n N] [-i INPUT] [-o OUTPUT] command [argument ...]
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void
usage(void)
{
	fprintf(stderr, "usage: timeit [-n N] [-i input] [-o output] command "
	    "[argument ...]\n");
	exit(2);
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Runs argv once; returns 0, or -1 when it failed. */
static int
run(char **argv, const char *in, const char *out)
{
	pid_t pid;
	int fd, status;

	if ((pid = fork()) == -1) {
		perror("timeit: fork");
		return -1;
	}
	if (pid == 0) {
		if ((fd = open(in, O_RDONLY)) == -1 || dup2(fd, 0) == -1) {
			perror(in);
			_exit(127);
		}
		close(fd);
		if ((fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0666)) ==
		    -1 || dup2(fd, 1) == -1) {
			perror(out);
			_exit(127);
		}
		close(fd);
		execvp(argv[0], argv);
		perror(argv[0]);
		_exit(127);
	}
	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR) {
			perror("timeit: waitpid");
			return -1;
		}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "timeit: %s: %s %d\n", argv[0],
		    WIFEXITED(status) ? "exit status" : "signal",
		    WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
		return -1;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	const char *in = "/dev/null", *out = "/dev/null";
	struct timespec res;
	struct rusage ru;
	long n = 1, i;
	double start, total;
	char *end;
	int c;

	while ((c = getopt(argc, argv, "+n:i:o:")) != -1) {
		switch (c) {
		case 'n':
			n = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || n < 1)
				usage();
			break;
		case 'i':
			in = optarg;
			break;
		case 'o':
			out = optarg;
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 1)
		usage();
	/*
	 * A process started by exec keeps the children's peak of the process
	 * it replaced (a shell that ran the command before it), which would
	 * then count as this run's.  A fork starts with none.
	 */
	if (getrusage(RUSAGE_CHILDREN, &ru) == 0 && ru.ru_maxrss != 0) {
		pid_t pid = fork();
		int status;

		if (pid == -1) {
			perror("timeit: fork");
			return 1;
		}
		if (pid > 0) {
			while (waitpid(pid, &status, 0) == -1)
				if (errno != EINTR)
					return 1;
			return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
		}
	}
	clock_getres(CLOCK_MONOTONIC, &res);
	start = now();
	for (i = 0; i < n; i++)
		if (run(argv, in, out) < 0)
			return 1;
	total = now() - start;
	/* The children's ru_maxrss is that of the largest of them. */
	if (getrusage(RUSAGE_CHILDREN, &ru) == -1) {
		perror("timeit: getrusage");
		return 1;
	}
	printf("%.6f %ld %.9f\n", total, (long)ru.ru_maxrss,
	    (double)res.tv_sec +
	    (double)res.tv_nsec / 1e9);
	return fflush(stdout) != 0 ? 1 : 0;
}
