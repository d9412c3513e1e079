#ifndef OPTISCOPE_CHILD_PROCESS_H
#define OPTISCOPE_CHILD_PROCESS_H

#include <sys/types.h>

/// Starts `/bin/sh -c command` in a process group of its own, with its
/// stdin, stdout and stderr on the given descriptors, under a guard.
///
/// The guard is the group's leader: it starts the command, waits for it and
/// exits with its status (128 + the signal when it was killed). It ends the
/// whole group with SIGKILL when it receives SIGTERM, and when the process
/// that spawned it is gone (it checks five times a second), so that no child
/// outlives optiscope, even when optiscope is killed with SIGKILL.
///
/// Everything between fork and exec is async-signal-safe, as POSIX asks of a
/// child of a multi-threaded process. Returns the guard's pid (also the
/// group's id), or -1 with errno set.
pid_t optiscope_spawn_guarded(const char *command, int stdin_fd, int stdout_fd, int stderr_fd);

/// pipe2 with O_CLOEXEC: optiscope's ends are never inherited by another child.
int optiscope_pipe(int fds[2]);

/// write(2) that fails with EPIPE instead of raising SIGPIPE when the child
/// has closed its end: the signal is blocked on this thread for the call
/// and a pending one is taken, so the program's own SIGPIPE stays as it is.
ssize_t optiscope_write(int fd, const void *bytes, size_t count);

#endif
